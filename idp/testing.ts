import * as oidc from 'openid-client';
import { DESKTOP_CLIENT_ID, DEV_IDP_SCOPES } from './dev-idp.ts';

/**
 * Test support: plays the person at the browser against the dev IdP, so tests
 * (main/, relay/, e2e/) can run the real Authorization Code flow headless.
 * Never use outside tests.
 */

export interface BrowserOutcome {
  /** The URL the IdP finally redirected to (the client's redirect_uri with code and state). */
  readonly redirectedTo: URL;
  /** The response of that last URL, when `follow` asked to load it. */
  readonly response?: Response;
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function storeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair === undefined || eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    // An expiring cookie (oidc-provider clears interaction cookies this way).
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/**
 * Follows `authorizationUrl` like a browser would: keeps the IdP's cookies,
 * picks employee `sub` on the login page, follows redirects until one leaves
 * the IdP. With `follow`, it then loads that URL too (e.g. a loopback listener).
 */
export async function playBrowser(
  authorizationUrl: string | URL,
  options: { sub: string; follow?: boolean },
): Promise<BrowserOutcome> {
  let url = new URL(authorizationUrl);
  const idpOrigin = url.origin;
  const jar = new Map<string, string>();
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 20; hop += 1) {
    if (url.origin !== idpOrigin) {
      if (options.follow !== true) return { redirectedTo: url };
      return { redirectedTo: url, response: await fetch(url, { redirect: 'manual' }) };
    }
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: cookieHeader(jar),
      },
    });
    storeCookies(jar, response);
    init = { method: 'GET' };
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      url = new URL(location, url);
      continue;
    }
    const body = await response.text();
    const action = /<form method="post" action="([^"]+\/login)"/.exec(body)?.[1];
    if (response.status !== 200 || action === undefined) {
      throw new Error(
        `unexpected IdP response ${response.status} at ${url.pathname}: ${body.slice(0, 200)}`,
      );
    }
    url = new URL(action, url);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['sub', options.sub]]).toString(),
    };
  }
  throw new Error('too many redirects');
}

export interface TestTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly idTokenClaims: oidc.IDToken | undefined;
  readonly expiresIn: number | undefined;
}

/**
 * Runs the whole code flow for `sub` with the desktop client and returns the
 * tokens. The redirect goes to a loopback port nobody listens on; the helper
 * stops at it, as the app's listener would receive it.
 */
export async function obtainTokens(
  issuer: string,
  sub: string,
  options: { clientId?: string } = {},
): Promise<TestTokens> {
  const config = await oidc.discovery(
    new URL(issuer),
    options.clientId ?? DESKTOP_CLIENT_ID,
    undefined,
    oidc.None(),
    {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback dev IdP over http
      execute: [oidc.allowInsecureRequests],
    },
  );
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const redirectUri = 'http://127.0.0.1:9/callback';
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    // No `prompt=consent`: real IdPs issue refresh tokens without it.
    scope: DEV_IDP_SCOPES.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const { redirectedTo } = await playBrowser(url, { sub });
  const tokens = await oidc.authorizationCodeGrant(config, redirectedTo, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    idTokenClaims: tokens.claims(),
    expiresIn: tokens.expiresIn(),
  };
}
