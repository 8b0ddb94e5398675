import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DESKTOP_CLIENT_ID, startDevIdp, type DevIdp } from './dev-idp.ts';
import { obtainTokens, playBrowser } from './testing.ts';

let idp: DevIdp;
let config: oidc.Configuration;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0, webRedirectUris: ['http://127.0.0.1:5173/'] });
  config = await oidc.discovery(new URL(idp.issuer), DESKTOP_CLIENT_ID, undefined, oidc.None(), {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback dev IdP over http
    execute: [oidc.allowInsecureRequests],
  });
});
afterAll(async () => {
  await idp.close();
});

async function authorizationUrl(
  redirectUri: string,
  extra: Record<string, string> = {},
): Promise<URL> {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email offline_access',
    code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
    state: oidc.randomState(),
    ...extra,
  });
}

describe('dev IdP', () => {
  it('publishes discovery for code + PKCE S256, revocation and the four scopes', () => {
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(idp.issuer);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.revocation_endpoint).toBeTypeOf('string');
    expect(meta.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']),
    );
  });

  it('serves a script-free login page under a strict CSP', async () => {
    const url = await authorizationUrl('http://127.0.0.1:1234/callback');
    const first = await fetch(url, { redirect: 'manual' });
    const location = first.headers.get('location');
    expect(location).toMatch(/^\/interaction\//);
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const page = await fetch(new URL(location ?? '', idp.issuer), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Ada Lovelace');
  });

  it('rejects a login POST that lacks the interaction cookie (CSRF)', async () => {
    const url = await authorizationUrl('http://127.0.0.1:1234/callback');
    const first = await fetch(url, { redirect: 'manual' });
    const location = first.headers.get('location') ?? '';
    const forged = await fetch(new URL(`${location}/login`, idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'sub=emp-1001',
      redirect: 'manual',
    });
    expect(forged.status).toBe(400);
  });

  it('accepts any loopback port for the desktop client (RFC 8252 §7.3) and nothing else', async () => {
    for (const port of [49152, 61023]) {
      const { redirectedTo } = await playBrowser(
        await authorizationUrl(`http://127.0.0.1:${port}/callback`),
        {
          sub: 'emp-1002',
        },
      );
      expect(redirectedTo.port).toBe(String(port));
      expect(redirectedTo.searchParams.get('code')).toBeTruthy();
    }
    const wrongPath = await fetch(await authorizationUrl('http://127.0.0.1:4000/elsewhere'), {
      redirect: 'manual',
    });
    expect(wrongPath.status).toBe(400);
    const wrongHost = await fetch(await authorizationUrl('http://evil.example:4000/callback'), {
      redirect: 'manual',
    });
    expect(wrongHost.status).toBe(400);
  });

  it('requires PKCE', async () => {
    const url = await authorizationUrl('http://127.0.0.1:4000/callback');
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? 'http://none.invalid/');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('issues JWT access tokens for the relay audience with profile claims', async () => {
    const tokens = await obtainTokens(idp.issuer, 'emp-1003');
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri ?? ''));
    const { payload, protectedHeader } = await jwtVerify(tokens.accessToken, jwks, {
      issuer: idp.issuer,
      audience: DEFAULT_AUDIENCE,
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({
      sub: 'emp-1003',
      name: 'Katherine Johnson',
      email: 'katherine.johnson@example.com',
      department: 'Research',
    });
    expect(tokens.idTokenClaims).toMatchObject({ sub: 'emp-1003', title: 'Data Scientist' });
  });

  it('rotates refresh tokens, rejects a reused one, and revokes', async () => {
    const tokens = await obtainTokens(idp.issuer, 'emp-1004');
    const first = tokens.refreshToken ?? '';
    const rotated = await oidc.refreshTokenGrant(config, first);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(first);
    await expect(oidc.refreshTokenGrant(config, first)).rejects.toMatchObject({
      error: 'invalid_grant',
    });

    const fresh = await obtainTokens(idp.issuer, 'emp-1004');
    await oidc.tokenRevocation(config, fresh.refreshToken ?? '', {
      token_type_hint: 'refresh_token',
    });
    await expect(oidc.refreshTokenGrant(config, fresh.refreshToken ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('keeps its signing keys in dataDir across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'idp-'));
    try {
      const a = await startDevIdp({ dataDir });
      const keysA: unknown = await (await fetch(`${a.issuer}/jwks`)).json();
      await a.close();
      const b = await startDevIdp({ dataDir });
      const keysB: unknown = await (await fetch(`${b.issuer}/jwks`)).json();
      await b.close();
      expect(keysB).toEqual(keysA);
      expect((await stat(join(dataDir, 'dev-idp-secrets.json'))).mode & 0o077).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
