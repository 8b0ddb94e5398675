// The web client's sign-in code (renderer/auth) run under Node against the
// real development IdP: it uses only fetch and Web Crypto, so the same code
// that runs in the browser is exercised here end to end, with the person at
// the browser played by idp/testing.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevIdp, type DevIdp } from '../idp/dev-idp.ts';
import { playBrowser } from '../idp/testing.ts';
import { createOidcClient, createWebSession, memoryStore } from '../renderer/auth/index.ts';

const APP = 'http://127.0.0.1:5999/';
let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0, webRedirectUris: [APP] });
});
afterAll(async () => {
  await idp.close();
});

function client() {
  return createOidcClient({
    identity: { issuer: idp.issuer, clientId: 'commonplace-web', audience: idp.audience },
    redirectUri: APP,
  });
}

/** Signs `sub` in through the login page; returns the session and what it navigated to. */
async function signedIn(sub: string) {
  const storage = memoryStore();
  const navigations: string[] = [];
  const oidc = client();
  const session = createWebSession({ oidc, storage, navigate: (u) => navigations.push(u) });
  await session.signIn('/?space=s1');
  const authorize = new URL(navigations[0] ?? '');
  const { redirectedTo } = await playBrowser(authorize, { sub });
  const shown = await session.handleRedirect(redirectedTo);
  return { session, storage, oidc, authorize, redirectedTo, shown };
}

describe('web sign-in against the dev IdP', () => {
  it('runs Authorization Code + PKCE S256 with state, nonce and the relay as resource', async () => {
    const { session, storage, authorize, shown } = await signedIn('emp-1001');
    try {
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('resource')).toBe('urn:commonplace:relay');
      expect(authorize.searchParams.get('scope')).toBe('openid profile email offline_access');
      expect(authorize.searchParams.get('state')).toMatch(/.{16,}/);
      expect(authorize.searchParams.get('nonce')).toMatch(/.{16,}/);
      expect(authorize.searchParams.has('code_verifier')).toBe(false);
      expect(shown).toBe('/?space=s1');
      expect(session.state()).toMatchObject({
        status: 'signed-in',
        profile: { sub: 'emp-1001', name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
      });
      // The verifier was for one round trip only.
      expect(storage.getItem('commonplace.signin.v1')).toBeNull();
      const token = await session.accessToken();
      const payload = JSON.parse(
        Buffer.from(token?.accessToken.split('.')[1] ?? '', 'base64url').toString(),
      ) as { aud: string; sub: string };
      expect(payload).toMatchObject({ aud: 'urn:commonplace:relay', sub: 'emp-1001' });
    } finally {
      session.dispose();
    }
  });

  it('asks for configured scopes and leaves out resource when told (Entra ID v2)', async () => {
    const oidc = createOidcClient({
      identity: {
        issuer: idp.issuer,
        clientId: 'commonplace-web',
        audience: idp.audience,
        scope: 'api://relay/Notes.ReadWrite',
        resourceIndicator: false,
      },
      redirectUri: APP,
    });
    const { url } = await oidc.beginSignIn({ returnTo: '/' });
    expect(url.searchParams.get('scope')).toBe(
      'openid profile email offline_access api://relay/Notes.ReadWrite',
    );
    expect(url.searchParams.has('resource')).toBe(false);
  });

  it('refuses a callback whose state does not match, and one it never started', async () => {
    const { redirectedTo } = await signedIn('emp-1002');
    const tampered = new URL(redirectedTo);
    tampered.searchParams.set('state', 'x'.repeat(43));
    const other = createWebSession({
      oidc: client(),
      storage: memoryStore(),
      navigate: () => undefined,
    });
    await other.handleRedirect(tampered);
    expect(other.state()).toMatchObject({ status: 'error' });

    const storage = memoryStore();
    const third = createWebSession({ oidc: client(), storage, navigate: () => undefined });
    await third.signIn('/');
    await third.handleRedirect(tampered);
    expect(third.state()).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/Sign-in failed/) as unknown,
    });
  });

  it('refreshes with rotation; the rotated-out refresh token is refused', async () => {
    const { session, storage, oidc } = await signedIn('emp-1003');
    try {
      const before = JSON.parse(storage.getItem('commonplace.session.v1') ?? '{}') as {
        refreshToken: string;
        accessToken: string;
      };
      const refreshed = await session.accessToken({ forceRefresh: true });
      expect(refreshed?.accessToken).not.toBe(before.accessToken);
      const after = JSON.parse(storage.getItem('commonplace.session.v1') ?? '{}') as {
        refreshToken: string;
      };
      expect(after.refreshToken).not.toBe(before.refreshToken);
      const stale = { ...before, obtainedAt: 0, expiresAt: 1, profile: { sub: 'emp-1003' } };
      await expect(oidc.refresh(stale)).rejects.toMatchObject({ error: 'invalid_grant' });
    } finally {
      session.dispose();
    }
  });

  it('revokes the refresh token on sign-out and wipes the session', async () => {
    const { session, storage, oidc } = await signedIn('emp-1004');
    const saved = JSON.parse(storage.getItem('commonplace.session.v1') ?? '{}') as {
      refreshToken: string;
      accessToken: string;
    };
    await expect(session.signOut()).resolves.toMatchObject({ status: 'signed-out' });
    expect(storage.getItem('commonplace.session.v1')).toBeNull();
    await expect(session.accessToken()).resolves.toBeNull();
    const revoked = { ...saved, obtainedAt: 0, expiresAt: 1, profile: { sub: 'emp-1004' } };
    await expect(oidc.refresh(revoked)).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
