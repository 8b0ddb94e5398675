import * as oidc from 'openid-client';
import { type AccessTokenResult, type Principal, type SessionState } from '../../shared/auth.ts';
import { BASE_SCOPES } from '../../shared/host.ts';
import { principalFromClaims, type IdentityRule } from '../../shared/person-identity.ts';
import type { OpenExternal, SafeStorageLike } from './electron-deps.ts';
import { LoopbackError, startLoopbackListener } from './loopback.ts';
import { createTokenStore, type StoredSession } from './token-store.ts';

export interface SignInServiceOptions {
  /** The OpenID Provider (discovery at `/.well-known/openid-configuration`). */
  readonly issuer: string;
  /** Public client id, e.g. `commonplace-desktop`. */
  readonly clientId: string;
  /** RFC 8707 resource (the relay's audience); omitted when the IdP picks the audience itself. */
  readonly resource?: string;
  readonly scope?: string;
  /** Directory of the encrypted session file (e.g. `app.getPath('userData')`). */
  readonly tokenDir: string;
  readonly safeStorage: SafeStorageLike;
  /** `shell.openExternal`: the system browser, never an embedded view (RFC 8252 §8.12). */
  readonly openExternal: OpenExternal;
  readonly platform?: NodeJS.Platform;
  /** How long the loopback listener waits for the browser. Default 5 minutes. */
  readonly callbackTimeoutMs?: number;
  /** Refresh this many seconds before the access token expires. Default 60. */
  readonly refreshLeewaySec?: number;
  /**
   * `prompt` of the authorization request; none by default. Entra ID, Okta
   * and Keycloak issue refresh tokens for `offline_access` without
   * `prompt=consent`, and forcing consent would show people a consent page on
   * every sign-in (or fail where admins granted consent tenant-wide).
   */
  readonly prompt?: string;
  /** Who the person is and which domains may sign in (the relay applies the same rule). */
  readonly identityRule?: IdentityRule;
  /** Diagnostics. Receives messages only, never tokens or codes. */
  readonly log?: (message: string) => void;
}

export interface SignInService {
  /** The state the renderer may see (no tokens). */
  getState(): SessionState;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onStateChange(listener: (state: SessionState) => void): () => void;
  /** Loads a saved session (if persistence is allowed) and refreshes it when due. */
  restore(): Promise<SessionState>;
  /** Authorization Code + PKCE in the system browser with a loopback redirect. */
  signIn(): Promise<SessionState>;
  /** Revokes the refresh token at the IdP, then wipes memory and disk. */
  signOut(): Promise<SessionState>;
  /**
   * A valid access token for the renderer (refreshed first when due, or
   * always with `forceRefresh`, e.g. after the relay closed with 4401); never
   * the refresh token.
   */
  getAccessToken(options?: { readonly forceRefresh?: boolean }): Promise<AccessTokenResult | null>;
  /** Refreshes now (also run by the timer, or after the relay closes with 4401). */
  refresh(): Promise<SessionState>;
  /** Stops timers and any pending sign-in. */
  dispose(): void;
}

const DEFAULT_SCOPE = BASE_SCOPES;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const RETRY_MS = 30_000;

/** The ID token named nobody the rule admits; the reason is safe to show. */
class IdentityRefusedError extends Error {
  override readonly name = 'IdentityRefusedError';
}

function profileFrom(
  claims: oidc.IDToken | undefined,
  rule: IdentityRule | undefined,
  fallback?: Principal,
): Principal {
  if (claims === undefined) {
    if (fallback === undefined)
      throw new IdentityRefusedError('the identity provider sent no ID token');
    return fallback;
  }
  const result = principalFromClaims(claims, rule);
  if (!result.ok) throw new IdentityRefusedError(result.reason);
  return result.principal;
}

function describeSignInError(error: unknown): string {
  if (error instanceof IdentityRefusedError) return `Sign-in refused: ${error.message}.`;
  if (error instanceof LoopbackError) {
    if (error.kind === 'timeout') return 'Sign-in timed out: no answer came back from the browser.';
    return 'Sign-in was cancelled.';
  }
  if (error instanceof oidc.AuthorizationResponseError) {
    return error.error === 'access_denied'
      ? 'Sign-in was cancelled.'
      : `The identity provider refused the sign-in (${error.error}).`;
  }
  if (error instanceof oidc.ResponseBodyError)
    return `The identity provider refused the sign-in (${error.error}).`;
  return 'Could not reach the identity provider. Check your connection and try again.';
}

/**
 * Creates the desktop sign-in service. The refresh token
 * stays inside this closure and the encrypted store; nothing here ever hands
 * it out or logs it.
 */
export async function createSignInService(options: SignInServiceOptions): Promise<SignInService> {
  const store = await createTokenStore({
    dir: options.tokenDir,
    safeStorage: options.safeStorage,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
  });
  const persistence = store.persistence;
  const log = options.log ?? (() => undefined);
  const leewayMs = (options.refreshLeewaySec ?? 60) * 1000;
  const listeners = new Set<(state: SessionState) => void>();
  let state: SessionState = { status: 'signed-out', persistence };
  let session: StoredSession | null = null;
  let timer: NodeJS.Timeout | undefined;
  let configPromise: Promise<oidc.Configuration> | undefined;
  let signingIn: Promise<SessionState> | undefined;
  let refreshing: Promise<SessionState> | undefined;
  let cancelSignIn: (() => void) | undefined;

  const setState = (next: SessionState): SessionState => {
    state = next;
    for (const listener of listeners) listener(next);
    return next;
  };

  const config = (): Promise<oidc.Configuration> => {
    const insecure =
      LOOPBACK_HOSTS.has(new URL(options.issuer).hostname) && options.issuer.startsWith('http:');
    configPromise ??= oidc.discovery(
      new URL(options.issuer),
      options.clientId,
      undefined,
      oidc.None(),
      {
        // Plain http only for an issuer on this machine (the dev IdP); deprecated by
        // openid-client only to flag it, which is the point here.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    );
    configPromise.catch(() => {
      configPromise = undefined;
    });
    return configPromise;
  };

  const schedule = (): void => {
    clearTimeout(timer);
    if (session === null) return;
    const delay = Math.max(0, session.accessTokenExpiresAt - leewayMs - Date.now());
    timer = setTimeout(() => void refresh(), delay);
    timer.unref();
  };

  const adopt = async (
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
    previous?: StoredSession,
  ) => {
    const profile = profileFrom(tokens.claims(), options.identityRule, previous?.profile);
    const refreshToken = tokens.refresh_token ?? previous?.refreshToken;
    const next: StoredSession = {
      accessToken: tokens.access_token,
      accessTokenExpiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
      profile,
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(tokens.id_token === undefined
        ? previous?.idToken === undefined
          ? {}
          : { idToken: previous.idToken }
        : { idToken: tokens.id_token }),
    };
    session = next;
    await store.save(next);
    schedule();
    return setState({
      status: 'signed-in',
      profile,
      accessTokenExpiresAt: next.accessTokenExpiresAt,
      persistence,
    });
  };

  /** `refused`: the IdP ended the session for good (the renderer erases its local copy). */
  const endSession = async (reason: string | null, refused = false): Promise<SessionState> => {
    clearTimeout(timer);
    session = null;
    await store.clear();
    return setState(
      reason === null
        ? { status: 'signed-out', persistence }
        : { status: 'error', reason, persistence, ...(refused ? { refused: true as const } : {}) },
    );
  };

  const runSignIn = async (): Promise<SessionState> => {
    setState({ status: 'signing-in', persistence });
    const verifier = oidc.randomPKCECodeVerifier();
    const expectedState = oidc.randomState();
    const expectedNonce = oidc.randomNonce();
    const listener = await startLoopbackListener({
      expectedState,
      timeoutMs: options.callbackTimeoutMs ?? 5 * 60_000,
    });
    cancelSignIn = () => {
      listener.close();
    };
    try {
      const cfg = await config();
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: listener.redirectUri,
        scope: options.scope ?? DEFAULT_SCOPE,
        ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: expectedState,
        nonce: expectedNonce,
        ...(options.resource === undefined ? {} : { resource: options.resource }),
      });
      await options.openExternal(url.href);
      const callback = await listener.callback;
      try {
        const tokens = await oidc.authorizationCodeGrant(cfg, callback.url, {
          pkceCodeVerifier: verifier,
          expectedState,
          expectedNonce,
          idTokenExpected: true,
        });
        const next = await adopt(tokens);
        callback.respond(true, 'You can close this tab and return to Commonplace.');
        log('sign-in completed');
        return next;
      } catch (error) {
        callback.respond(false, describeSignInError(error));
        throw error;
      }
    } catch (error) {
      log(`sign-in failed: ${error instanceof Error ? error.name : 'error'}`);
      return await endSession(describeSignInError(error));
    } finally {
      listener.close();
      cancelSignIn = undefined;
    }
  };

  const runRefresh = async (): Promise<SessionState> => {
    const current = session;
    if (current?.refreshToken === undefined) {
      return current === null ? state : endSession('Your session expired. Please sign in again.');
    }
    try {
      const tokens = await oidc.refreshTokenGrant(await config(), current.refreshToken, {
        ...(options.resource === undefined ? {} : { resource: options.resource }),
      });
      if (session !== current) return state; // signed out meanwhile
      return await adopt(tokens, current);
    } catch (error) {
      if (session !== current) return state;
      if (error instanceof IdentityRefusedError) {
        log('refreshed identity refused by the sign-in rule; session ended');
        return endSession(describeSignInError(error), true);
      }
      if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
        log('refresh refused by the identity provider; session ended');
        return endSession('Your session ended. Please sign in again.', true);
      }
      // Offline or IdP down: keep the session, try again shortly.
      log('refresh failed; will retry');
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), RETRY_MS);
      timer.unref();
      return state;
    }
  };

  function refresh(): Promise<SessionState> {
    refreshing ??= runRefresh().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return {
    getState: () => state,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async restore() {
      const saved = await store.load();
      if (saved === null) return state;
      session = saved;
      // Signed in from the saved profile at once, with no IdP round trip, so
      // the app opens to the person's notes on a plane. A due
      // refresh follows; offline it keeps retrying until the network is back,
      // and only the IdP's refusal (invalid_grant) ends the session.
      setState({
        status: 'signed-in',
        profile: saved.profile,
        accessTokenExpiresAt: saved.accessTokenExpiresAt,
        persistence,
      });
      if (saved.accessTokenExpiresAt - leewayMs <= Date.now()) return refresh();
      schedule();
      return state;
    },
    signIn() {
      signingIn ??= runSignIn().finally(() => {
        signingIn = undefined;
      });
      return signingIn;
    },
    async signOut() {
      cancelSignIn?.();
      const current = session;
      session = null;
      clearTimeout(timer);
      if (current?.refreshToken !== undefined) {
        try {
          // RFC 7009; oidc-provider also drops the grant behind it.
          await oidc.tokenRevocation(await config(), current.refreshToken, {
            token_type_hint: 'refresh_token',
          });
        } catch {
          log('revocation failed; local session wiped anyway');
        }
      }
      return endSession(null);
    },
    async getAccessToken(tokenOptions) {
      const due = session !== null && session.accessTokenExpiresAt - leewayMs <= Date.now();
      if (session !== null && (due || tokenOptions?.forceRefresh === true)) await refresh();
      if (session === null || session.accessTokenExpiresAt <= Date.now()) return null;
      return { accessToken: session.accessToken, expiresAt: session.accessTokenExpiresAt };
    },
    refresh,
    dispose() {
      clearTimeout(timer);
      cancelSignIn?.();
      listeners.clear();
    },
  };
}
