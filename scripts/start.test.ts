// `npm start` end to end with the real relay, and with a FAKE Electron binary
// (a shell script; the real one cannot be downloaded on this machine) that
// reports the environment the app would have been launched with.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'commonplace-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runStart(env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts'), '--skip-build'], {
    cwd: root,
    // Port 0 and a fresh data directory: never collide with a running relay.
    env: { ...process.env, RELAY_PORT: '0', RELAY_DATA: path.join(dir, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

function listeningLine(stdout: string): Record<string, unknown> {
  const line = stdout.split('\n').find((l) => l.startsWith('relay: ') && l.includes('listening'));
  return JSON.parse(line?.slice('relay: '.length) ?? '{}') as Record<string, unknown>;
}

describe('npm start', () => {
  it('without an Electron binary says so in one line, points to npm run web, and stops the relay', async () => {
    const empty = path.join(dir, 'no-electron');
    await mkdir(empty);
    const run = await runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('start:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^start: cannot open the desktop app, no Electron binary here \(.+\); run `npm run web`/,
    );
    const ready = listeningLine(run.stdout);
    expect(ready['msg']).toBe('listening');
    // The relay it started is gone with it.
    await expect(fetch(`${String(ready['url'])}/healthz`)).rejects.toThrow();
  });

  it('launches the app with the relay URL and the identity provider the relay reported', async () => {
    const dist = path.join(dir, 'dist');
    await mkdir(dist);
    const report = `console.log('FAKE_ELECTRON ' + JSON.stringify({ argv: process.argv.slice(1), relay: process.env.COMMONPLACE_RELAY_URL ?? null, issuer: process.env.COMMONPLACE_ISSUER ?? null, audience: process.env.COMMONPLACE_AUDIENCE ?? null }))`;
    const fake = path.join(dist, 'electron');
    await writeFile(
      fake,
      `#!/bin/sh\nexec "${process.execPath}" -e "${report.replaceAll('"', '\\"')}" -- "$@"\n`,
    );
    await chmod(fake, 0o755);

    const run = await runStart({ ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(run.code).toBe(0);
    const ready = listeningLine(run.stdout);
    const launched = JSON.parse(
      run.stdout
        .split('\n')
        .find((l) => l.startsWith('FAKE_ELECTRON '))
        ?.slice(14) ?? '{}',
    ) as Record<string, unknown>;
    expect(launched['argv']).toEqual([root]);
    expect(launched['relay']).toBe(ready['ws']);
    expect(launched['relay']).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    // Whatever the relay reported (its embedded dev IdP), the app received.
    expect(launched['issuer']).toBe(ready['issuer'] ?? null);
    expect(launched['audience']).toBe(ready['audience'] ?? null);
    if (ready['issuer'] === undefined) expect(run.stderr).toContain('sign-in is unavailable');
    // Closing the app stopped the relay.
    await expect(fetch(`${String(ready['url'])}/healthz`)).rejects.toThrow();
  });
});
