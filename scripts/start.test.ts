// `npm start` end to end with the real relay, and with a FAKE Electron binary
// (a shell script; the real one cannot be downloaded on this machine) that
// reports the environment the app would have been launched with.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
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
    env: {
      ...process.env,
      RELAY_PORT: '0',
      IDP_PORT: '0',
      RELAY_DATA: path.join(dir, 'data'),
      ...env,
    },
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

/** The services `npm start` announced: one line each, with its URL. */
function announced(stdout: string): { ws: string; url: string; issuer: string } {
  const lines = stdout.split('\n');
  const ws = /^Relay: +(ws:\/\/\S+) \(data .+\)$/.exec(lines[0] ?? '')?.[1] ?? '';
  const issuer = /^Development IdP: (http:\/\/\S+)$/.exec(lines[1] ?? '')?.[1] ?? '';
  return { ws, url: ws.replace(/^ws/, 'http'), issuer };
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
    const ready = announced(run.stdout);
    expect(ready.ws).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The announcements come first: no build log, no relay log before it was
    // ready (its shutdown log follows them).
    expect(run.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('relay: '))).toHaveLength(
      2,
    );
    // The relay it started is gone with it.
    await expect(fetch(`${ready.url}/healthz`)).rejects.toThrow();
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
    const ready = announced(run.stdout);
    const launched = JSON.parse(
      run.stdout
        .split('\n')
        .find((l) => l.startsWith('FAKE_ELECTRON '))
        ?.slice(14) ?? '{}',
    ) as Record<string, unknown>;
    expect(launched['argv']).toEqual([root]);
    expect(launched['relay']).toBe(ready.ws);
    expect(launched['relay']).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    // The relay's embedded dev IdP, as announced, is what the app received.
    expect(launched['issuer']).toBe(ready.issuer);
    expect(launched['audience']).toBe('urn:commonplace:relay');
    // Closing the app stopped the relay.
    await expect(fetch(`${ready.url}/healthz`)).rejects.toThrow();
  });

  it('names the variable to change when the relay port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = await runStart({ RELAY_PORT: String(port), IDP_PORT: '0' });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`start: port ${String(port)} is in use: set RELAY_PORT=<n>`);
    } finally {
      taken.close();
    }
  });
});
