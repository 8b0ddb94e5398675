/**
 * Personal access tokens and service accounts: credentials for scripts and
 * other tools on the REST API (never on document sockets). A token is
 * `cpat_<id>_<secret>`; the relay keeps only a SHA-256 hash of it, so its
 * secret is answered once, on creation. Routes in shared/rest/tokens.ts,
 * rules in relay/tokens.
 */
import { z } from 'zod';

/** Every token starts with this, so leaked ones are recognisable (secret scanners). */
export const ACCESS_TOKEN_PREFIX = 'cpat_';

/**
 * What a token may do: `read` calls GET routes; `write` calls every route
 * that is not an admin route (reads included); `admin` calls `/api/admin/*`
 * routes and counts as admin elsewhere, and only while its person is an admin.
 */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** Longest token name. */
export const TOKEN_NAME_MAX = 100;
/** Longest lifetime a token may be given, in days. */
export const TOKEN_EXPIRY_DAYS_MAX = 3650;
/** Live (not revoked) tokens one person, or the service accounts in all, may hold. */
export const TOKENS_PER_OWNER_MAX = 50;

export const AccessTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(TokenScopeSchema),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  /** Epoch milliseconds, or null: never used. */
  lastUsedAt: z.number().nullable(),
  /** Epoch milliseconds, or null: does not expire. */
  expiresAt: z.number().nullable(),
  /** Who created it (the person themselves for a personal token, an admin for a service account). */
  createdBy: z.string(),
});
export type AccessToken = z.infer<typeof AccessTokenSchema>;

export const AccessTokensResponseSchema = z.object({ tokens: z.array(AccessTokenSchema) });

export const CreateAccessTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(TOKEN_NAME_MAX),
  scopes: z
    .array(TokenScopeSchema)
    .min(1)
    .max(TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'scopes must not repeat'),
  /** Days until it expires; absent or null: never. */
  expiresInDays: z.number().int().min(1).max(TOKEN_EXPIRY_DAYS_MAX).nullable().optional(),
});
export type CreateAccessTokenRequest = z.infer<typeof CreateAccessTokenRequestSchema>;

/** The answer to a creation: the only time the secret is shown. */
export const CreatedAccessTokenSchema = AccessTokenSchema.extend({
  secret: z.string().startsWith(ACCESS_TOKEN_PREFIX),
});
export type CreatedAccessToken = z.infer<typeof CreatedAccessTokenSchema>;

/** A service account: an identity of its own (`service:<id>`), with one token. */
export const ServiceAccountSchema = AccessTokenSchema.extend({
  /** The identity its calls run as: add it to spaces as a member by this id. */
  principalId: z.string(),
});
export type ServiceAccount = z.infer<typeof ServiceAccountSchema>;
export const ServiceAccountsResponseSchema = z.object({
  accounts: z.array(ServiceAccountSchema),
});
export const CreatedServiceAccountSchema = ServiceAccountSchema.extend({
  secret: z.string().startsWith(ACCESS_TOKEN_PREFIX),
});
export type CreatedServiceAccount = z.infer<typeof CreatedServiceAccountSchema>;

/** Identity prefix of service accounts: never an IdP subject. */
export const SERVICE_ACCOUNT_PREFIX = 'service:';

/** A service account's role in a space, set by an admin; `role: null` removes it. */
export const SetServiceAccountSpaceRequestSchema = z.object({
  role: z.enum(['editor', 'viewer']).nullable(),
});
export type SetServiceAccountSpaceRequest = z.infer<typeof SetServiceAccountSpaceRequestSchema>;
export const ServiceAccountSpaceSchema = z.object({
  spaceId: z.string(),
  role: z.enum(['editor', 'viewer']).nullable(),
});
