import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, startWebServer, type WebServer } from './web-server.ts';

const CONFIG = {
  relayUrl: 'ws://127.0.0.1:4444',
  identity: {
    issuer: 'http://127.0.0.1:4445',
    clientId: 'commonplace-web',
    audience: 'urn:commonplace:relay',
  },
};
let dir = '';
let server: WebServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cp-web-'));
  const root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(root, 'assets', 'app-1.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  await symlink(path.join(dir, 'secret.txt'), path.join(root, 'leak.txt'));
  server = await startWebServer({
    rootDir: root,
    port: 0,
    config: CONFIG,
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(new URL(p, server.url), init);

describe('web server', () => {
  it('serves index.html with a strict CSP and security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // The relay (WebSocket and REST) and the IdP (token, revocation), nothing else.
    expect(csp).toContain(
      "connect-src 'self' ws://127.0.0.1:4444 http://127.0.0.1:4444 http://127.0.0.1:4445;",
    );
    expect(csp).toContain("form-action 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('<title>t</title>');
  });

  it('serves hashed assets with their type and a long cache', async () => {
    const res = await get('/assets/app-1.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('serves /config.json with the relay URL', async () => {
    const res = await get('/config.json');
    expect(await res.json()).toEqual(CONFIG);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 for /config.json until it is configured, then serves it', async () => {
    const late = await startWebServer({ rootDir: path.join(dir, 'renderer'), port: 0 });
    try {
      const before = await fetch(new URL('/config.json', late.url));
      expect(before.status).toBe(503);
      expect(before.headers.get('content-security-policy')).toContain("connect-src 'self';");
      expect(() => {
        late.setConfig({ ...CONFIG, identity: { ...CONFIG.identity, issuer: 'javascript:x' } });
      }).toThrow();
      late.setConfig(CONFIG);
      const after = await fetch(new URL('/config.json', late.url));
      expect(await after.json()).toEqual(CONFIG);
      expect(after.headers.get('content-security-policy')).toContain('http://127.0.0.1:4445');
    } finally {
      await late.close();
    }
  });

  it.each([
    ['/../secret.txt', [400, 404]],
    // fetch() itself resolves %2e%2e (WHATWG URL), so this one arrives as /secret.txt.
    ['/%2e%2e/secret.txt', [400, 404]],
    ['/assets%2f..%2f..%2fsecret.txt', [400]],
    ['/..%5csecret.txt', [400]],
    ['/%00', [400]],
    ['/%E0%A4%A', [400]],
    ['/leak.txt', [404]],
    ['/nope.js', [404]],
    ['/assets', [404]],
  ])('refuses %s', async (p, statuses) => {
    const res = await get(p);
    expect(statuses).toContain(res.status);
    expect(await res.text()).not.toContain('secret');
  });

  it('allows only GET and HEAD', async () => {
    const res = await get('/', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses to start with an invalid relay URL', async () => {
    await expect(
      startWebServer({
        rootDir: dir,
        port: 0,
        config: { ...CONFIG, relayUrl: 'http://example.com' },
      }),
    ).rejects.toThrow();
  });
});

describe('resolveRequestPath', () => {
  it('keeps paths inside the root', () => {
    expect(resolveRequestPath('/srv', '/a/b.js')).toEqual({ ok: true, file: '/srv/a/b.js' });
    expect(resolveRequestPath('/srv', '/')).toEqual({ ok: true, file: '/srv/index.html' });
    expect(resolveRequestPath('/srv', '/a/../../etc/passwd').ok).toBe(false);
  });
});
