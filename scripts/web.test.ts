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

describe('npm run web', () => {
  it('serves the renderer, the dev IdP and its config on one printed URL, and exits 0 on SIGTERM', async () => {
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
  });

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
});
