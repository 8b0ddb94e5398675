import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const script = path.join(import.meta.dirname, 'web.ts');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cp-webcli-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>cp</title>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WEB_PORT: '', RELAY_PORT: '', RELAY_DATA: '' },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => out, exited };
}

describe('npm run web', () => {
  it('serves the renderer and its config on one printed URL, and exits 0 on SIGTERM', async () => {
    const web = run([
      '--port',
      '0',
      '--relay-port',
      '0',
      '--data',
      path.join(dir, 'data'),
      '--renderer',
      dir,
    ]);
    const url = await vi.waitFor(
      () => {
        const match = /^Commonplace web: (http:\/\/\S+) /m.exec(web.output());
        if (!match?.[1]) throw new Error(`not ready: ${web.output()}`);
        return match[1];
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(await (await fetch(url)).text()).toContain('<title>cp</title>');
    const config = (await (await fetch(new URL('/config.json', url))).json()) as {
      relayUrl: string;
    };
    expect(config.relayUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(new URL('/healthz', config.relayUrl.replace(/^ws/, 'http')));
    expect(health.status).toBe(200);

    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  });

  it('refuses a bad port with a clear message', async () => {
    const web = run(['--port', 'eighty', '--skip-build']);
    expect(await web.exited).toBe(1);
    expect(web.output()).toContain('--port must be a port number');
  });
});
