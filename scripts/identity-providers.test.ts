// Sign-in as companies configure Entra ID, Okta and Keycloak: the development
// IdP emits each provider's claim layout, the desktop client (main's sign-in
// service, Electron pieces faked), the web client (renderer/auth, fetch and
// Web Crypto under Node) and a real relay each say who signed in, and all
// three agree; the allowed domains turn the partner's contractor away everywhere.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimShape } from '../idp/claim-shapes.ts';
import { DESKTOP_CLIENT_ID, WEB_CLIENT_ID, startDevIdp, type DevIdp } from '../idp/dev-idp.ts';
import { obtainTokens, playBrowser } from '../idp/testing.ts';
import { FakeSafeStorage, FakeShell } from '../main/auth/fakes.ts';
import { createSignInService } from '../main/auth/sign-in-service.ts';
import { createOidcClient } from '../renderer/auth/oidc-client.ts';
import type { Principal, SessionState } from '../shared/auth.ts';
import type { IdentityClaim } from '../shared/person-identity.ts';
import { startRelay, type RelayHandle } from '../relay/server.ts';

const APP = 'http://127.0.0.1:5998/';
const ADA = 'emp-1001';
const CONTRACTOR = 'ext-2001';
const ALLOWED = ['example.com'];

interface Rig {
  readonly idp: DevIdp;
  readonly relay: RelayHandle;
  readonly dir: string;
}

async function startRig(shape: ClaimShape, identityClaim?: IdentityClaim): Promise<Rig> {
  const idp = await startDevIdp({ port: 0, claimShape: shape, webRedirectUris: [APP] });
  const dir = await mkdtemp(join(tmpdir(), `shapes-${shape}-`));
  const relay = await startRelay({
    port: 0,
    dataDir: dir,
    auth: {
      issuer: idp.issuer,
      audience: idp.audience,
      allowedDomains: ALLOWED,
      ...(identityClaim === undefined ? {} : { identityClaim }),
    },
  });
  return { idp, relay, dir };
}

async function stopRig(rig: Rig): Promise<void> {
  await rig.relay.close();
  await rig.idp.close();
  await rm(rig.dir, { recursive: true, force: true });
}

/** The desktop client's sign-in, the person at the browser played by the test. */
async function desktopSignIn(
  rig: Rig,
  sub: string,
): Promise<{ state: SessionState; accessToken: string | undefined }> {
  const dir = await mkdtemp(join(tmpdir(), 'shapes-desktop-'));
  const shell = new FakeShell();
  shell.onOpen = (url) => {
    void playBrowser(url, { sub, follow: true });
  };
  const service = await createSignInService({
    issuer: rig.idp.issuer,
    clientId: DESKTOP_CLIENT_ID,
    resource: rig.idp.audience,
    tokenDir: dir,
    safeStorage: new FakeSafeStorage({ backend: 'kwallet5' }),
    openExternal: shell.openExternal,
    platform: 'linux',
    identityRule: { allowedDomains: ALLOWED },
  });
  try {
    const state = await service.signIn();
    const token = await service.getAccessToken();
    return { state, accessToken: token?.accessToken };
  } finally {
    service.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The web client's sign-in; resolves to its profile or rejects with its reason. */
async function webSignIn(rig: Rig, sub: string): Promise<Principal> {
  const oidc = createOidcClient({
    identity: {
      issuer: rig.idp.issuer,
      clientId: WEB_CLIENT_ID,
      audience: rig.idp.audience,
      allowedDomains: ALLOWED,
    },
    redirectUri: APP,
  });
  const { url, pending } = await oidc.beginSignIn({ returnTo: '/' });
  expect(url.searchParams.get('prompt')).toBeNull();
  const { redirectedTo } = await playBrowser(url, { sub });
  const tokens = await oidc.completeSignIn(redirectedTo, pending);
  expect(tokens.refreshToken).toBeTypeOf('string');
  return tokens.profile;
}

async function relayMe(
  rig: Rig,
  token: string | undefined,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${rig.relay.httpUrl}/api/me`, {
    headers: { authorization: `Bearer ${token ?? ''}` },
  });
  return { status: response.status, body: await response.json() };
}

const CASES: readonly { shape: ClaimShape; claim?: IdentityClaim; expected: Principal }[] = [
  {
    // No email claim at all: the address comes from preferred_username (ID
    // token) and upn (access token), and all three agree on it.
    shape: 'entra',
    expected: { sub: ADA, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
  },
  {
    shape: 'okta',
    expected: { sub: ADA, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
  },
  {
    // preferred_username is a bare user name there; email identifies.
    shape: 'keycloak',
    expected: { sub: ADA, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
  },
];

describe.each(CASES)('identity provider shape $shape', ({ shape, claim, expected }) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(shape, claim);
  });
  afterAll(async () => {
    await stopRig(rig);
  });

  it('desktop client, web client and relay name the same person', async () => {
    const desktop = await desktopSignIn(rig, ADA);
    expect(desktop.state).toMatchObject({ status: 'signed-in', profile: expected });
    expect(await webSignIn(rig, ADA)).toEqual(expected);
    const me = await relayMe(rig, desktop.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ sub: ADA, name: expected.name, email: expected.email });
  });

  it('refuses the partner domain in both clients and on the relay', async () => {
    const desktop = await desktopSignIn(rig, CONTRACTOR);
    expect(desktop.state).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('partner.example.org is not allowed') as string,
    });
    await expect(webSignIn(rig, CONTRACTOR)).rejects.toThrow(
      /partner\.example\.org is not allowed/,
    );
    // The relay judges a token the IdP issued anyway (as if the client did not check).
    const { accessToken } = await obtainTokens(rig.idp.issuer, CONTRACTOR);
    const me = await relayMe(rig, accessToken);
    expect(me.status).toBe(403);
    expect(JSON.stringify(me.body)).toContain('partner.example.org is not allowed');
  });
});

describe('a configured identity claim', () => {
  it('identifies a Keycloak person by preferred_username when told to, and the domain rule then refuses it', async () => {
    const rig = await startRig('keycloak', 'preferred_username');
    try {
      const { accessToken } = await obtainTokens(rig.idp.issuer, ADA);
      // `ada.lovelace` has no domain, so example.com cannot admit it.
      const me = await relayMe(rig, accessToken);
      expect(me.status).toBe(403);
      expect(JSON.stringify(me.body)).toContain('preferred_username domain (none) is not allowed');
    } finally {
      await stopRig(rig);
    }
  });
});
