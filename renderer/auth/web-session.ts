import type { AccessTokenResult, SessionState } from '../../shared/auth.ts';
import { problemSentence, SignInProblem, type SignInProblemKind } from './sign-in-problem.ts';
import { en } from '../i18n/catalogue/en.ts';
import type { OidcClient } from './oidc-client.ts';
import { isDue, refreshDelay } from './refresh-schedule.ts';
import {
  PENDING_KEY,
  PendingSignInSchema,
  SESSION_KEY,
  SIGNED_OUT_KEY,
  TokenSetSchema,
  readJson,
  safeRemove,
  writeJson,
  type KeyValueStore,
  type TokenSet,
} from './token-set.ts';

/**
 * The browser's session: tokens in memory, mirrored to sessionStorage so a
 * reload keeps the person signed in (never localStorage: closing the tab ends
 * the session). Runs the redirect round trip, refreshes silently before
 * expiry (with rotation: every refresh stores the new refresh token), and
 * revokes on sign-out.
 */
export interface WebSession {
  /**
   * When `url` is the IdP's redirect back to us, completes the sign-in and
   * returns the URL to show instead (without code and state); otherwise null.
   */
  handleRedirect(url: URL): Promise<string | null>;
  state(): SessionState;
  /** Navigates to the IdP; `returnTo` (path and query) is restored afterwards. */
  signIn(returnTo: string): Promise<SessionState>;
  signOut(): Promise<SessionState>;
  accessToken(options?: { forceRefresh?: boolean }): Promise<AccessTokenResult | null>;
  onChange(listener: (state: SessionState) => void): () => void;
  /** Stops the refresh timer. */
  dispose(): void;
}

export interface WebSessionOptions {
  readonly oidc: OidcClient;
  /** sessionStorage in the browser. */
  readonly storage: KeyValueStore;
  /** Leaves the page for the IdP (`location.assign`). */
  readonly navigate: (url: string) => void;
  readonly now?: () => number;
  /**
   * The browser's view of the network (navigator.onLine and the `online`
   * event). With it, a refresh that failed for want of a network waits until
   * the network is back instead of retrying blindly.
   */
  readonly network?: {
    onLine(): boolean;
    onOnline(listener: () => void): () => void;
  };
  readonly random?: () => number;
  /**
   * The sentences people read in the session's errors, in the UI language
   * (each read when the error happens); English when not given, as Node-side
   * tests and scripts have no UI language.
   */
  readonly messages?: SessionMessages;
}

/** What the session says to people when signing in or staying signed in fails. */
export interface SessionMessages {
  /** The IdP refused to renew the session (expired, revoked, reused). */
  readonly ended: () => string;
  /** Back from the IdP without a sign-in started here (another tab, too late). */
  readonly notCompleted: () => string;
  /** The IdP refused the sign-in; `detail` is its own words. */
  readonly signInFailed: (detail: string) => string;
  /** The IdP could not be reached to start signing in. */
  readonly unreachable: (detail: string) => string;
  /** The detail when the error says nothing. */
  readonly unknownError: () => string;
  /** The detail when the app itself refused the sign-in (sign-in-problem.ts). */
  readonly problem: (problem: SignInProblemKind) => string;
}

/** Fills `{{name}}` placeholders as i18next does, for the Node side. */
const fill = (sentence: string, values: Readonly<Record<string, string>>) =>
  sentence.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
const withDetail = (sentence: string, detail: string) => fill(sentence, { detail });

/**
 * The English catalogue's sentences, filled in without the i18n layer (which
 * needs a DOM), for the Node side; the renderer passes its translated ones.
 */
export const ENGLISH_SESSION_MESSAGES: SessionMessages = {
  ended: () => en.session.ended,
  notCompleted: () => en.session.notCompleted,
  signInFailed: (detail) => withDetail(en.session.signInFailed, detail),
  unreachable: (detail) => withDetail(en.session.unreachable, detail),
  unknownError: () => en.session.unknownError,
  problem: (problem) => {
    const { key, values } = problemSentence(problem);
    return fill(en.session[key], values);
  },
};

/** A sign-in round trip older than this is not completed (the IdP's code lives a minute). */
export const PENDING_MAX_AGE_MS = 15 * 60_000;
/** After a failed refresh for a network reason, try again this much later (doubling, with jitter). */
export const REFRESH_RETRY_MS = 10_000;
/** The longest wait between refresh attempts while the IdP is unreachable. */
export const REFRESH_RETRY_MAX_MS = 5 * 60_000;

const PERSISTENCE = { refreshTokenPersisted: false } as const;
const CALLBACK_PARAMS = [
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
];

/**
 * A message safe to show: never a token, never longer than the schema
 * allows. `sentence` wraps the detail, which is the IdP's or the network's
 * own words and so is not translated.
 */
export function describeError(
  sentence: (detail: string) => string,
  error: unknown,
  messages: SessionMessages = ENGLISH_SESSION_MESSAGES,
): string {
  let detail = messages.unknownError();
  if (typeof error === 'object' && error !== null) {
    const oauthError = (error as { error?: unknown }).error;
    const description = (error as { error_description?: unknown }).error_description;
    if (error instanceof SignInProblem) {
      detail = messages.problem(error.problem);
    } else if (typeof oauthError === 'string') {
      detail = typeof description === 'string' ? `${oauthError}: ${description}` : oauthError;
    } else if (error instanceof Error) {
      detail = error.message;
    }
  }
  return sentence(detail).slice(0, 500);
}

/**
 * Whether the IdP itself said no (as opposed to the network failing), or the
 * app refused what it sent (another person, a domain not allowed).
 */
function isRefusal(error: unknown): boolean {
  if (error instanceof SignInProblem) return true;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { error?: unknown }).error === 'string'
  );
}

export function createWebSession(options: WebSessionOptions): WebSession {
  const { oidc, storage } = options;
  const messages = options.messages ?? ENGLISH_SESSION_MESSAGES;
  const now = options.now ?? Date.now;
  const listeners = new Set<(state: SessionState) => void>();
  let tokens: TokenSet | null = readJson(storage, SESSION_KEY, TokenSetSchema);
  let current: SessionState = tokens
    ? signedIn(tokens)
    : { status: 'signed-out', persistence: PERSISTENCE };
  let refreshing: Promise<TokenSet> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let waitingForNetwork = false;
  const random = options.random ?? Math.random;

  function signedIn(t: TokenSet): SessionState {
    return {
      status: 'signed-in',
      profile: t.profile,
      accessTokenExpiresAt: t.expiresAt,
      persistence: PERSISTENCE,
    };
  }

  function publish(next: SessionState): SessionState {
    current = next;
    for (const listener of [...listeners]) listener(next);
    return next;
  }

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function schedule(delay: number): void {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      if (options.network && !options.network.onLine()) {
        waitingForNetwork = true; // refreshed on `online`, below
        return;
      }
      refresh().catch(() => {
        // refresh() has already published the outcome
      });
    }, delay);
  }

  /** Exponential back-off with equal jitter while the IdP cannot be reached. */
  function retryLater(): void {
    const ceiling = Math.min(REFRESH_RETRY_MAX_MS, REFRESH_RETRY_MS * 2 ** Math.min(failures, 10));
    failures += 1;
    schedule(ceiling / 2 + random() * (ceiling / 2));
  }

  options.network?.onOnline(() => {
    if (!waitingForNetwork && failures === 0) return;
    waitingForNetwork = false;
    if (tokens === null) return;
    refresh().catch(() => undefined);
  });

  function setTokens(next: TokenSet): void {
    tokens = next;
    failures = 0;
    writeJson(storage, SESSION_KEY, next);
    if (next.refreshToken !== undefined) {
      schedule(refreshDelay(next.expiresAt, now(), next.expiresAt - next.obtainedAt));
    }
    publish(signedIn(next));
  }

  function wipe(next: SessionState): SessionState {
    clearTimer();
    tokens = null;
    refreshing = null;
    safeRemove(storage, SESSION_KEY);
    safeRemove(storage, PENDING_KEY);
    return publish(next);
  }

  /** One refresh at a time: concurrent callers share it (a rotated token is single-use). */
  function refresh(): Promise<TokenSet> {
    const start = tokens;
    if (start === null) return Promise.reject(new Error('signed out'));
    refreshing ??= oidc
      .refresh(start)
      .then((next) => {
        if (tokens !== start) throw new Error('the session changed during the refresh');
        setTokens(next);
        return next;
      })
      .catch((error: unknown) => {
        if (tokens === start) {
          if (isRefusal(error) || start.refreshToken === undefined) {
            wipe({
              status: 'error',
              // The IdP's own words ("invalid_grant: grant request is
              // invalid") mean nothing to the person; what to do does.
              reason: messages.ended(),
              // Only the IdP's refusal ends it for good; a token set without a
              // refresh token simply ran out.
              ...(isRefusal(error) ? { refused: true as const } : {}),
              persistence: PERSISTENCE,
            });
          } else {
            // The IdP (or its discovery document) was unreachable: keep the
            // session and the cached identity, and retry later or when the
            // network comes back. Never a sign-out for being offline.
            retryLater();
          }
        }
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  if (tokens !== null) {
    const t = tokens;
    schedule(refreshDelay(t.expiresAt, now(), t.expiresAt - t.obtainedAt));
  }

  return {
    async handleRedirect(url) {
      const params = url.searchParams;
      if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
      const pending = readJson(storage, PENDING_KEY, PendingSignInSchema);
      safeRemove(storage, PENDING_KEY); // one use only, whatever happens next
      const clean = new URL(url);
      for (const name of CALLBACK_PARAMS) clean.searchParams.delete(name);
      const fallback = `${clean.pathname}${clean.search}`;
      if (pending === null || now() - pending.createdAt > PENDING_MAX_AGE_MS) {
        publish({
          status: 'error',
          reason: messages.notCompleted(),
          persistence: PERSISTENCE,
        });
        return fallback;
      }
      try {
        setTokens(await oidc.completeSignIn(url, pending));
        safeRemove(storage, SIGNED_OUT_KEY);
      } catch (error) {
        wipe({
          status: 'error',
          reason: describeError(messages.signInFailed, error, messages),
          persistence: PERSISTENCE,
        });
      }
      return pending.returnTo;
    },

    state: () => current,

    async signIn(returnTo) {
      const forceLogin = storage.getItem(SIGNED_OUT_KEY) !== null;
      try {
        const { url, pending } = await oidc.beginSignIn({ returnTo, forceLogin });
        writeJson(storage, PENDING_KEY, pending);
        const state = publish({ status: 'signing-in', persistence: PERSISTENCE });
        options.navigate(url.href);
        return state;
      } catch (error) {
        return publish({
          status: 'error',
          reason: describeError(messages.unreachable, error, messages),
          persistence: PERSISTENCE,
        });
      }
    },

    async signOut() {
      const refreshToken = tokens?.refreshToken;
      const next = wipe({ status: 'signed-out', persistence: PERSISTENCE });
      writeJson(storage, SIGNED_OUT_KEY, true);
      if (refreshToken !== undefined) {
        // Revoking ends the grant at the IdP (RFC 7009 §2). The local wipe has
        // already happened, so a failure here leaves nothing usable behind us.
        await oidc.revoke(refreshToken).catch(() => undefined);
      }
      return next;
    },

    async accessToken(opts) {
      const t = tokens;
      if (t === null) return null;
      const due = isDue(t.expiresAt, now(), t.expiresAt - t.obtainedAt);
      if (opts?.forceRefresh === true || due) {
        try {
          const next = await refresh();
          return { accessToken: next.accessToken, expiresAt: next.expiresAt };
        } catch {
          // Unreachable IdP but a token that still works: use it.
          if (tokens === t && now() < t.expiresAt && opts?.forceRefresh !== true) {
            return { accessToken: t.accessToken, expiresAt: t.expiresAt };
          }
          return null;
        }
      }
      return { accessToken: t.accessToken, expiresAt: t.expiresAt };
    },

    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    dispose: clearTimer,
  };
}
