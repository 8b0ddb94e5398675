import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PRIVILEGED_SCHEMES,
  createAppProtocolHandler,
  resolveAssetPath,
  type ProtocolHandler,
} from './protocol.ts';

const CSP = "default-src 'none'; script-src 'self'";
let base: string;
let handle: ProtocolHandler;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'commonplace-protocol-'));
  const root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Commonplace</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(path.join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler({ rootDir: root, csp: CSP });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('registers app: as a standard, secure scheme without CSP bypass', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      }),
    ]);
    expect(PRIVILEGED_SCHEMES[0]?.privileges?.bypassCSP).toBeUndefined();
  });

  it('serves index.html at the root with the CSP and security headers', async () => {
    const response = await get('app://commonplace/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Commonplace</title>');
  });

  it('serves assets with their content type', async () => {
    const js = await get('app://commonplace/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app")');
    const css = await get('app://commonplace/assets/style.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for client-side routes but 404s a missing asset', async () => {
    const route = await get('app://commonplace/spaces/abc');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Commonplace');
    const missing = await get('app://commonplace/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CSP);
  });

  it.each([
    'app://commonplace/../secret.txt',
    'app://commonplace/%2e%2e/secret.txt',
    'app://commonplace/assets/..%2f..%2fsecret.txt',
    'app://commonplace/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://commonplace/assets/link.txt',
  ])('never serves a file outside the renderer: %s', async (url) => {
    const response = await get(url);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it.each([
    ['app://commonplace/assets%5c..%5c..%5csecret.txt', 400],
    ['app://commonplace/index.html%00.js', 400],
    ['app://commonplace/%E0%A4%A', 400],
    ['app://other-host/index.html', 404],
  ])('refuses %s with %i', async (url, status) => {
    expect((await get(url)).status).toBe(status);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://commonplace/index.html', 'POST')).status).toBe(405);
    const head = await get('app://commonplace/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says so when the renderer has not been built', async () => {
    const unbuilt = createAppProtocolHandler({ rootDir: path.join(base, 'nope'), csp: CSP });
    const response = await unbuilt(new Request('app://commonplace/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });
});

describe('resolveAssetPath', () => {
  it('maps the root and nested paths', () => {
    expect(resolveAssetPath('app://commonplace/')).toEqual({
      ok: true,
      relativePath: 'index.html',
    });
    expect(resolveAssetPath('app://commonplace/a/b.js')).toEqual({
      ok: true,
      relativePath: 'a/b.js',
    });
  });

  it('refuses other schemes', () => {
    expect(resolveAssetPath('file:///etc/passwd')).toMatchObject({ ok: false, status: 404 });
  });
});
