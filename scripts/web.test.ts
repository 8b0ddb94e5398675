import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CLIENT_ID } from '../idp/dev-idp.ts';
import { obtainTokens } from '../idp/testing.ts';

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
    env: {
      ...process.env,
      WEB_PORT: '',
      RELAY_PORT: '',
      IDP_PORT: '',
      RELAY_DATA: '',
      COMMONPLACE_ISSUER: '',
    },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => out, exited };
}

/** Resolves with the lines `npm run web` printed once it is ready. */
function readyLines(web: ReturnType<typeof run>): Promise<string[]> {
  return vi.waitFor(
    () => {
      if (!/^(Development IdP|Identity provider): /m.test(web.output())) {
        throw new Error(`not ready: ${web.output()}`);
      }
      return web.output().trimEnd().split('\n');
    },
    // Generous: a loaded machine (CI, parallel tests) starts three servers slowly.
    { timeout: 60_000, interval: 50 },
  );
}

function field(lines: string[], label: string): string {
  const line = lines.find((l) => l.startsWith(`${label}:`)) ?? '';
  return /:\s+(\S+)/.exec(line)?.[1] ?? '';
}

describe('npm run web', () => {
  it('prints one line per service with its URL, serves the renderer, the dev IdP and its config, and exits 0 on SIGTERM', async () => {
    const web = run([
      '--port',
      '0',
      '--relay-port',
      '0',
      '--idp-port',
      '0',
      '--data',
      path.join(dir, 'data'),
      '--renderer',
      dir,
    ]);
    const lines = await readyLines(web);
    // One line per service with its URL; no dependency warnings around them.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Commonplace web: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[1]).toMatch(/^Relay: +ws:\/\/127\.0\.0\.1:\d+ \(data .+\)$/);
    expect(lines[2]).toMatch(/^Development IdP: http:\/\/127\.0\.0\.1:\d+$/);
    const url = field(lines, 'Commonplace web');
    expect(await (await fetch(url)).text()).toContain('<title>cp</title>');
    const config = (await (await fetch(new URL('/config.json', url))).json()) as {
      relayUrl: string;
      identity: { issuer: string; clientId: string; audience: string };
    };
    expect(config.relayUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(config.identity).toMatchObject({
      clientId: 'commonplace-web',
      audience: 'urn:commonplace:relay',
    });
    // The dev IdP runs, and knows the web client with this server's root as redirect.
    const discovery = (await (
      await fetch(new URL('/.well-known/openid-configuration', config.identity.issuer))
    ).json()) as { issuer: string; authorization_endpoint: string };
    expect(discovery.issuer).toBe(config.identity.issuer);
    const authorize = new URL(discovery.authorization_endpoint);
    authorize.search = new URLSearchParams({
      client_id: 'commonplace-web',
      redirect_uri: url,
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    }).toString();
    const login = await fetch(authorize, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toMatch(/\/interaction\//);
    const csp = (await fetch(url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(new URL(config.identity.issuer).origin);
    const health = await fetch(new URL('/healthz', config.relayUrl.replace(/^ws/, 'http')));
    expect(health.status).toBe(200);

    web.child.kill('SIGTERM');
    expect(await web.exited).toBe(0);
  }, 120_000);

  it('refuses a bad issuer with a clear message', async () => {
    const web = run(['--issuer', 'not a url', '--skip-build']);
    expect(await web.exited).toBe(1);
    expect(web.output()).toContain('--issuer must be a URL');
  });

  it('refuses a bad port with a clear message', async () => {
    const web = run(['--port', 'eighty', '--skip-build']);
    expect(await web.exited).toBe(1);
    expect(web.output()).toContain('--port must be a port number');
  });

  it('names the flag to change when a port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const web = run([
        '--port',
        '0',
        '--relay-port',
        '0',
        '--idp-port',
        String(port),
        '--data',
        path.join(dir, 'clash'),
        '--renderer',
        dir,
      ]);
      expect(await web.exited).toBe(1);
      expect(web.output().trim()).toBe(`web: port ${String(port)} is in use: pass --idp-port <n>`);
    } finally {
      taken.close();
    }
  });

  it('keeps people signed in across a restart on the same data directory', async () => {
    const args = (idpPort: string) => [
      '--port',
      '0',
      '--relay-port',
      '0',
      '--idp-port',
      idpPort,
      '--data',
      path.join(dir, 'restart'),
      '--renderer',
      dir,
    ];
    const first = run(args('0'));
    const issuer = field(await readyLines(first), 'Development IdP');
    const tokens = await obtainTokens(issuer, 'emp-1005');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // The same IdP port, so the issuer the tokens name is the same.
    const second = run(args(new URL(issuer).port));
    expect(field(await readyLines(second), 'Development IdP')).toBe(issuer);
    try {
      const config = await oidc.discovery(
        new URL(issuer),
        DESKTOP_CLIENT_ID,
        undefined,
        oidc.None(),
        {
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback dev IdP over http
          execute: [oidc.allowInsecureRequests],
        },
      );
      const refreshed = await oidc.refreshTokenGrant(config, tokens.refreshToken ?? '');
      expect(refreshed.claims()?.sub).toBe('emp-1005');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);
});
