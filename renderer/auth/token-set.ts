import { z } from 'zod';
import { PrincipalSchema } from '../../shared/auth.ts';

/**
 * What the web client keeps of a session, in sessionStorage
 * (memory or session storage only, never localStorage, so tokens die with the
 * tab). Parsed again on every read: a tampered or stale entry is dropped.
 */
export const TokenSetSchema = z.object({
  accessToken: z.string().min(1),
  /** When the token response arrived, epoch milliseconds (lifetime = expiresAt - obtainedAt). */
  obtainedAt: z.number().int().nonnegative(),
  /** Epoch milliseconds. */
  expiresAt: z.number().int().nonnegative(),
  refreshToken: z.string().min(1).optional(),
  profile: PrincipalSchema,
});
export type TokenSet = z.infer<typeof TokenSetSchema>;

/**
 * The state of one sign-in round trip, kept in sessionStorage only while the
 * browser is at the IdP: the PKCE verifier (RFC 7636), `state` (RFC 6749
 * §10.12) and `nonce` (OIDC Core §3.1.2.1), and where to return afterwards.
 */
export const PendingSignInSchema = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(128),
  /** Path and query to restore after the callback (same origin only). */
  returnTo: z.string().startsWith('/').max(2000),
  /** Epoch milliseconds; an abandoned round trip is not resumed days later. */
  createdAt: z.number().int().nonnegative(),
});
export type PendingSignIn = z.infer<typeof PendingSignInSchema>;

/** The subset of the Web Storage API we use (injected, so tests and Node can run it). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'commonplace.session.v1';
export const PENDING_KEY = 'commonplace.signin.v1';
/** Set after an explicit sign-out, so the next sign-in asks who is signing in. */
export const SIGNED_OUT_KEY = 'commonplace.signed-out.v1';

/** Reads and validates a JSON value; anything unreadable is removed and reads as null. */
export function readJson<T>(store: KeyValueStore, key: string, schema: z.ZodType<T>): T | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: dropped below
  }
  safeRemove(store, key);
  return null;
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the session lives in memory only.
  }
}

export function safeRemove(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // nothing to wipe
  }
}

/** A store that forgets everything: for browsers that refuse sessionStorage. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
}
