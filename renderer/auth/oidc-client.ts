import * as oauth from 'oauth4webapi';
import type { Principal } from '../../shared/auth.ts';
import { principalFromClaims, type IdentityRule } from '../../shared/person-identity.ts';
import { requestedScope, resourceIndicator, type IdentityConfig } from '../../shared/host.ts';
import type { PendingSignIn, TokenSet } from './token-set.ts';
import { SignInProblem } from './sign-in-problem.ts';

/**
 * The OpenID Connect relying party of the web client,
 * built on oauth4webapi: Authorization Code with PKCE S256, `state` and
 * `nonce`, the relay's audience as RFC 8707 `resource` (or a scope, see IdentityConfig), refresh with
 * rotation, RFC 7009 revocation. No DOM here (fetch and Web Crypto only), so
 * the same code runs under Node against the real dev IdP in tests.
 */

/** `{ resource }` for the authorization request, or nothing when the IdP must not receive it. */
function resourceParameter(identity: IdentityConfig): { resource?: string } {
  const resource = resourceIndicator(identity);
  return resource === undefined ? {} : { resource };
}

export interface OidcClientOptions {
  readonly identity: IdentityConfig;
  /** Registered redirect URI of the web client (the app's own root URL). */
  readonly redirectUri: string;
  readonly now?: () => number;
}

export interface OidcClient {
  /** The authorization URL to navigate to, and the round-trip state to keep until the callback. */
  beginSignIn(options: {
    returnTo: string;
    /** Ask the IdP to show its login page even with a live IdP session (after a sign-out). */
    forceLogin?: boolean;
  }): Promise<{ url: URL; pending: PendingSignIn }>;
  /** Checks the callback (state, iss, error), redeems the code, validates the ID token (nonce). */
  completeSignIn(callbackUrl: URL, pending: PendingSignIn): Promise<TokenSet>;
  /** Redeems the refresh token; the IdP rotates it, so the result carries the new one. */
  refresh(current: TokenSet): Promise<TokenSet>;
  /** Revokes a refresh token at the IdP's revocation endpoint (RFC 7009). */
  revoke(refreshToken: string): Promise<void>;
}

/** Loopback development IdPs run on plain http; everything else must be https. */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * The profile from validated ID token claims by the identity rule the relay
 * follows too; throws with a reason to show when the rule refuses the person.
 */
export function profileFromClaims(
  claims: Record<string, unknown>,
  rule: IdentityRule = {},
): Principal {
  const result = principalFromClaims(claims, rule);
  if (!result.ok) throw new SignInProblem(result.problem, `Sign-in refused: ${result.reason}.`);
  return result.principal;
}

export function createOidcClient(options: OidcClientOptions): OidcClient {
  const issuer = new URL(options.identity.issuer);
  const client: oauth.Client = { client_id: options.identity.clientId };
  const auth = oauth.None(); // a public client: PKCE instead of a secret
  const now = options.now ?? Date.now;
  const identityRule: IdentityRule = {
    claim: options.identity.identityClaim,
    allowedDomains: options.identity.allowedDomains,
  };
  // oauth4webapi refuses http: endpoints unless told; only a loopback
  // development IdP may use them (an attacker on the network cannot reach it).
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback dev IdP over http only
  const http = isLoopback(issuer) ? { [oauth.allowInsecureRequests]: true } : {};

  let server: Promise<oauth.AuthorizationServer> | null = null;
  const discover = (): Promise<oauth.AuthorizationServer> => {
    server ??= oauth
      .discoveryRequest(issuer, { ...http, algorithm: 'oidc' })
      .then((response) => oauth.processDiscoveryResponse(issuer, response))
      .catch((error: unknown) => {
        server = null; // retry discovery next time
        throw error;
      });
    return server;
  };

  const toTokenSet = (
    response: oauth.TokenEndpointResponse,
    previous: TokenSet | null,
  ): TokenSet => {
    const obtainedAt = now();
    const claims = oauth.getValidatedIdTokenClaims(response);
    const profile = claims ? profileFromClaims(claims, identityRule) : previous?.profile;
    if (!profile) {
      throw new SignInProblem({ code: 'noIdToken' }, 'The identity provider sent no ID token.');
    }
    if (previous && profile.sub !== previous.profile.sub) {
      throw new SignInProblem(
        { code: 'differentPerson' },
        'The identity provider returned a different person on refresh.',
      );
    }
    const refreshToken = response.refresh_token ?? previous?.refreshToken;
    return {
      accessToken: response.access_token,
      obtainedAt,
      // Without expires_in, assume a short life so that it is refreshed soon.
      expiresAt: obtainedAt + (response.expires_in ?? 300) * 1000,
      ...(refreshToken === undefined ? {} : { refreshToken }),
      profile,
    };
  };

  return {
    async beginSignIn({ returnTo, forceLogin }) {
      const as = await discover();
      if (!as.authorization_endpoint) {
        throw new SignInProblem(
          { code: 'noAuthorizationEndpoint' },
          'The identity provider has no authorization endpoint.',
        );
      }
      const codeVerifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const nonce = oauth.generateRandomNonce();
      const url = new URL(as.authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: client.client_id,
        redirect_uri: options.redirectUri,
        response_type: 'code',
        scope: requestedScope(options.identity),
        // No `prompt=consent`: Entra ID, Okta and Keycloak issue a refresh
        // token for offline_access without it, and forcing it shows a consent
        // page at every sign-in. `login` after a sign-out lets another person sign in.
        ...(forceLogin === true ? { prompt: 'login' } : {}),
        ...resourceParameter(options.identity),
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      }).toString();
      return { url, pending: { state, nonce, codeVerifier, returnTo, createdAt: now() } };
    },

    async completeSignIn(callbackUrl, pending) {
      const as = await discover();
      // Throws on a state mismatch, an `iss` mismatch (RFC 9207) or an error response.
      const params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        auth,
        params,
        options.redirectUri,
        pending.codeVerifier,
        http,
      );
      const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
        expectedNonce: pending.nonce,
        requireIdToken: true,
      });
      return toTokenSet(result, null);
    },

    async refresh(current) {
      if (current.refreshToken === undefined) {
        throw new SignInProblem({ code: 'noRefreshToken' }, 'No refresh token: sign in again.');
      }
      const as = await discover();
      const response = await oauth.refreshTokenGrantRequest(
        as,
        client,
        auth,
        current.refreshToken,
        http,
      );
      return toTokenSet(await oauth.processRefreshTokenResponse(as, client, response), current);
    },

    async revoke(refreshToken) {
      const as = await discover();
      if (!as.revocation_endpoint) return; // nothing to call; the tokens are wiped anyway
      const response = await oauth.revocationRequest(as, client, auth, refreshToken, {
        ...http,
        additionalParameters: { token_type_hint: 'refresh_token' },
      });
      await oauth.processRevocationResponse(response);
    },
  };
}
