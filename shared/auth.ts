import { z } from 'zod';

/**
 * Identity types shared by main, the renderer and the relay.
 * Runtime-neutral: no Node, no DOM. Tokens themselves never appear here except
 * the access token the renderer may request; the refresh token has no schema
 * on purpose, so it cannot travel over IPC by accident.
 */

/** A person as the identity provider describes them; `sub` is the stable id. */
export const PrincipalSchema = z.object({
  /** The token's `sub`: the only stable identifier (names and emails change). */
  sub: z.string().min(1).max(255),
  name: z.string().max(256).optional(),
  email: z.string().max(320).optional(),
  department: z.string().max(256).optional(),
  title: z.string().max(256).optional(),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/**
 * Whether the refresh token survives a restart. On Linux with only the
 * `basic_text` safeStorage backend (or no encryption at all) it is kept in
 * memory only, and `reason` says why so the UI can tell the person.
 */
export const TokenPersistenceSchema = z.object({
  refreshTokenPersisted: z.boolean(),
  reason: z.string().max(500).optional(),
});
export type TokenPersistence = z.infer<typeof TokenPersistenceSchema>;

/** Session state the renderer may see. Never carries a token. */
export const SessionStateSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('signed-out'),
    persistence: TokenPersistenceSchema,
  }),
  z.object({
    /** The system browser is open and the loopback listener waits for the redirect. */
    status: z.literal('signing-in'),
    persistence: TokenPersistenceSchema,
  }),
  z.object({
    status: z.literal('signed-in'),
    profile: PrincipalSchema,
    /** When the current access token expires, in epoch milliseconds. */
    accessTokenExpiresAt: z.number().int().nonnegative(),
    persistence: TokenPersistenceSchema,
  }),
  z.object({
    status: z.literal('error'),
    /** Human-readable, safe to show; never contains a token. */
    reason: z.string().min(1).max(500),
    /**
     * The IdP refused the refresh token (OAuth `invalid_grant`) or the
     * identity it vouches for is no longer allowed: the session ended for
     * good, not for want of a network. The app then erases its local copy.
     */
    refused: z.literal(true).optional(),
    persistence: TokenPersistenceSchema,
  }),
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

/** What the renderer gets when it asks for a token to open a relay connection. */
export const AccessTokenResultSchema = z.object({
  accessToken: z.string().min(1),
  /** Epoch milliseconds. */
  expiresAt: z.number().int().nonnegative(),
});
export type AccessTokenResult = z.infer<typeof AccessTokenResultSchema>;

/**
 * Returns the lower-cased domain of an email address, or null when the value
 * is not a plausible `local@domain` address. Used by the relay's domain policy.
 */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  const domain = email.slice(at + 1).toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(domain) || domain.startsWith('.') || domain.endsWith('.')) {
    return null;
  }
  return domain;
}
