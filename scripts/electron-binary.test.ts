import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'commonplace-electron-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function installBinary(relative: string): Promise<string> {
  const file = path.join(dir, 'dist', relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, 0o755);
  return file;
}

describe('findElectronBinary', () => {
  it('reports a package whose binary was never downloaded', () => {
    expect(findElectronBinary({ packageDir: dir, env: {} })).toEqual({
      ok: false,
      reason: expect.stringContaining('never downloaded') as unknown,
    });
  });

  it('reports path.txt naming a file that is not there', async () => {
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir: dir, env: {} })).toMatchObject({ ok: false });
  });

  it('finds the binary that path.txt names under dist/', async () => {
    const file = await installBinary('electron');
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir: dir, env: {} })).toEqual({ ok: true, path: file });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', async () => {
    const file = await installBinary('electron');
    expect(
      findElectronBinary({
        packageDir: path.join(dir, 'elsewhere'),
        env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'dist') },
      }),
    ).toEqual({ ok: true, path: file });
  });

  it('answers for the installed package without trying to download', () => {
    // On this machine the binary cannot be downloaded; either answer is fine,
    // what matters is that it returns at once instead of hanging or throwing.
    const result = findElectronBinary();
    expect(typeof result.ok).toBe('boolean');
  });
});
