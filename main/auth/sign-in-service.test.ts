import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_CLIENT_ID, startDevIdp, type DevIdp } from '../../idp/dev-idp.ts';
import { playBrowser, type BrowserOutcome } from '../../idp/testing.ts';
import { SessionStateSchema } from '../../shared/auth.ts';
import { FakeSafeStorage, FakeShell } from './fakes.ts';
import {
  createSignInService,
  type SignInService,
  type SignInServiceOptions,
} from './sign-in-service.ts';
import { createTokenStore } from './token-store.ts';

/** `expect.stringContaining`, typed (it returns `any`). */
const containing = (text: string): string => expect.stringContaining(text) as string;

let idp: DevIdp;
let idpConfig: oidc.Configuration;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  idp = await startDevIdp({ port: 0 });
  idpConfig = await oidc.discovery(new URL(idp.issuer), DESKTOP_CLIENT_ID, undefined, oidc.None(), {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback dev IdP over http
    execute: [oidc.allowInsecureRequests],
  });
});
afterAll(async () => {
  await idp.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Harness {
  service: SignInService;
  shell: FakeShell;
  safeStorage: FakeSafeStorage;
  dir: string;
  /** What the test's "browser" saw at the loopback listener. */
  browser: Promise<BrowserOutcome>;
}

async function harness(
  overrides: Partial<SignInServiceOptions> & {
    backend?: 'basic_text' | 'kwallet5';
    sub?: string;
    issuer?: string;
  } = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'signin-'));
  const safeStorage = new FakeSafeStorage({ backend: overrides.backend ?? 'kwallet5' });
  const shell = new FakeShell();
  let resolveBrowser: (outcome: BrowserOutcome) => void = () => undefined;
  const browser = new Promise<BrowserOutcome>((resolve) => {
    resolveBrowser = resolve;
  });
  // The test plays the person at the system browser.
  shell.onOpen = (url) => {
    void playBrowser(url, { sub: overrides.sub ?? 'emp-1001', follow: true }).then(resolveBrowser);
  };
  const service = await createSignInService({
    issuer: overrides.issuer ?? idp.issuer,
    clientId: DESKTOP_CLIENT_ID,
    tokenDir: dir,
    safeStorage,
    openExternal: shell.openExternal,
    platform: 'linux',
    ...overrides,
  });
  cleanups.push(
    () => {
      service.dispose();
    },
    // A refresh that was writing the token file as the service was disposed
    // can leave a file behind mid-removal (ENOTEMPTY): fs retries that itself.
    () => rm(dir, { recursive: true, force: true, maxRetries: 5 }),
  );
  return { service, shell, safeStorage, dir, browser };
}

async function storedRefreshToken(h: Harness): Promise<string | undefined> {
  const store = await createTokenStore({
    dir: h.dir,
    safeStorage: h.safeStorage,
    platform: 'linux',
  });
  return (await store.load())?.refreshToken;
}

describe('desktop sign-in service', () => {
  it('runs the full code flow in the system browser and lands signed in', async () => {
    const h = await harness();
    const state = await h.service.signIn();
    expect(state).toMatchObject({
      status: 'signed-in',
      profile: {
        sub: 'emp-1001',
        name: 'Ada Lovelace',
        email: 'ada.lovelace@example.com',
        department: 'Engineering',
      },
      persistence: { refreshTokenPersisted: true },
    });
    // The authorization request: PKCE S256, state, nonce, loopback redirect on an ephemeral port.
    const request = new URL(h.shell.opened[0] ?? '');
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.searchParams.get('state')).toBeTruthy();
    expect(request.searchParams.get('nonce')).toBeTruthy();
    expect(request.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    );
    const { response } = await h.browser;
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain('signed in to Commonplace');

    // The session file is encrypted, and the renderer-visible state has no token.
    const files = await readdir(h.dir);
    expect(files).toEqual(['session.enc']);
    const raw = await readFile(join(h.dir, 'session.enc'), 'utf8');
    const refreshToken = (await storedRefreshToken(h)) ?? '';
    expect(refreshToken).not.toBe('');
    expect(raw).not.toContain(refreshToken);
    expect(JSON.stringify(h.service.getState())).not.toContain(refreshToken);
    expect(SessionStateSchema.parse(h.service.getState())).toEqual(h.service.getState());
    const token = await h.service.getAccessToken();
    expect(token?.accessToken.split('.')).toHaveLength(3);

    // A second run restores from the encrypted file.
    const again = await createSignInService({
      issuer: idp.issuer,
      clientId: DESKTOP_CLIENT_ID,
      tokenDir: h.dir,
      safeStorage: h.safeStorage,
      openExternal: h.shell.openExternal,
      platform: 'linux',
    });
    cleanups.push(() => {
      again.dispose();
    });
    expect(await again.restore()).toMatchObject({
      status: 'signed-in',
      profile: { sub: 'emp-1001' },
    });
  });

  it('opens signed in from the saved session with the IdP unreachable, keeping the refresh token for later', async () => {
    const h = await harness();
    await h.service.signIn();
    const offlineIdp = await startDevIdp({ port: 0 });
    const unreachable = offlineIdp.issuer;
    await offlineIdp.close();
    // The saved access token counts as due (huge leeway), and the IdP is gone.
    const cold = await createSignInService({
      issuer: unreachable,
      clientId: DESKTOP_CLIENT_ID,
      tokenDir: h.dir,
      safeStorage: h.safeStorage,
      openExternal: h.shell.openExternal,
      platform: 'linux',
      refreshLeewaySec: 10 ** 9,
    });
    cleanups.push(() => {
      cold.dispose();
    });
    expect(await cold.restore()).toMatchObject({
      status: 'signed-in',
      profile: { sub: 'emp-1001' },
    });
    expect(cold.getState().status).toBe('signed-in');
    // The refresh attempt fails offline; the person stays signed in.
    await cold.getAccessToken({ forceRefresh: true });
    expect(cold.getState().status).toBe('signed-in');
    // The refresh token was never spent: the real IdP still honours it.
    const refreshToken = (await storedRefreshToken(h)) ?? '';
    const tokens = await oidc.refreshTokenGrant(idpConfig, refreshToken);
    expect(tokens.access_token.split('.')).toHaveLength(3);
  });

  it('rotates the refresh token; the IdP rejects the rotated-out one and the session then ends', async () => {
    const h = await harness({ sub: 'emp-1002' });
    await h.service.signIn();
    const first = await storedRefreshToken(h);
    const before = await h.service.getAccessToken();
    await h.service.refresh();
    const second = await storedRefreshToken(h);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect((await h.service.getAccessToken())?.accessToken).not.toBe(before?.accessToken);

    // Someone replays the old refresh token: refused, and (reuse detection) the grant dies.
    await expect(oidc.refreshTokenGrant(idpConfig, first ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect(await h.service.refresh()).toMatchObject({
      status: 'error',
      reason: containing('sign in again'),
      // For good: the renderer erases its local copy on this flag.
      refused: true,
    });
    expect(await readdir(h.dir)).toEqual([]);
  });

  it('refreshes silently before the access token expires', async () => {
    const shortIdp = await startDevIdp({ port: 0, accessTokenTtlSec: 3 });
    cleanups.push(() => shortIdp.close());
    const h = await harness({ issuer: shortIdp.issuer, refreshLeewaySec: 2 });
    const signedIn = await h.service.signIn();
    const firstExpiry = signedIn.status === 'signed-in' ? signedIn.accessTokenExpiresAt : 0;
    await expect
      .poll(
        () => {
          const s = h.service.getState();
          return s.status === 'signed-in' ? s.accessTokenExpiresAt : 0;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(firstExpiry);
  });

  it('sign-out revokes the refresh token at the IdP and wipes the store', async () => {
    const h = await harness({ sub: 'emp-1003' });
    await h.service.signIn();
    const refreshToken = await storedRefreshToken(h);
    expect(await h.service.signOut()).toMatchObject({ status: 'signed-out' });
    expect(await readdir(h.dir)).toEqual([]);
    expect(await h.service.getAccessToken()).toBeNull();
    await expect(oidc.refreshTokenGrant(idpConfig, refreshToken ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('with only the basic_text backend keeps the refresh token in memory and says why', async () => {
    const h = await harness({ backend: 'basic_text', sub: 'emp-1004' });
    const state = await h.service.signIn();
    expect(state).toMatchObject({
      status: 'signed-in',
      persistence: { refreshTokenPersisted: false, reason: containing('keyring') },
    });
    expect(await readdir(h.dir)).toEqual([]);
    // The in-memory refresh token still works.
    const before = await h.service.getAccessToken();
    expect(await h.service.refresh()).toMatchObject({ status: 'signed-in' });
    expect((await h.service.getAccessToken())?.accessToken).not.toBe(before?.accessToken);
    expect(await readdir(h.dir)).toEqual([]);
  });

  it('ignores a redirect whose state does not match and completes with the real one', async () => {
    const h = await harness({ sub: 'emp-1002' });
    let forged: Response | undefined;
    h.shell.onOpen = (url) => {
      const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
      void (async () => {
        // A stranger's request reaches the listener first...
        forged = await fetch(`${redirectUri}?code=stolen&state=attacker`);
        // ...then the person finishes at the IdP and the real redirect arrives.
        await playBrowser(url, { sub: 'emp-1002', follow: true });
      })();
    };
    const state = await h.service.signIn();
    expect(forged?.status).toBe(400);
    expect(await forged?.text()).toContain('does not belong');
    expect(state).toMatchObject({ status: 'signed-in', profile: { sub: 'emp-1002' } });
    const redirectUri = new URL(h.shell.opened[0] ?? '').searchParams.get('redirect_uri') ?? '';
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('gives up after the timeout and closes the loopback listener', async () => {
    const h = await harness({ callbackTimeoutMs: 300 });
    h.shell.onOpen = () => undefined; // the person never finishes in the browser
    const state = await h.service.signIn();
    expect(state).toMatchObject({ status: 'error', reason: containing('timed out') });
    const redirectUri = new URL(h.shell.opened[0] ?? '').searchParams.get('redirect_uri') ?? '';
    await expect(fetch(redirectUri)).rejects.toThrow();
  });

  it('reports a cancelled sign-in', async () => {
    const h = await harness();
    h.shell.onOpen = (url) => {
      void (async () => {
        const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
        const stateParam = new URL(url).searchParams.get('state') ?? '';
        await fetch(
          `${redirectUri}?error=access_denied&state=${stateParam}&iss=${encodeURIComponent(idp.issuer)}`,
        );
      })();
    };
    expect(await h.service.signIn()).toMatchObject({
      status: 'error',
      reason: 'Sign-in was cancelled.',
    });
  });
});
