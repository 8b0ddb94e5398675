/**
 * The acceptable-use policy: an admin-set text (Markdown), versioned; every
 * person accepts the current version before they may edit. The relay
 * enforces it (relay/acceptable-use); these are the shapes and wire strings
 * both sides share. The routes are in shared/rest/acceptable-use.ts.
 */
import { z } from 'zod';

/**
 * The reason the relay sends (y-protocols/auth `permissionDenied`) when it
 * drops an update of a person who has not accepted the current policy, and
 * when a new version makes their open connections read-only.
 */
export const POLICY_NOT_ACCEPTED_REASON =
  'read-only: accept the acceptable-use policy before editing';

/** The error code of a REST write refused for the same reason (HTTP 403). */
export const POLICY_NOT_ACCEPTED_CODE = 'policy_not_accepted';

/** Longest policy text, in characters. */
export const POLICY_TEXT_MAX = 100_000;

/** One published version. */
export const PolicyVersionSchema = z.object({
  /** 1, 2, 3, … in the order published. */
  version: z.number().int().positive(),
  /** Markdown. */
  text: z.string(),
  /** Epoch milliseconds. */
  publishedAt: z.number().int(),
  /** The admin who published it (a token's `sub`). */
  publishedBy: z.string(),
});
export type PolicyVersion = z.infer<typeof PolicyVersionSchema>;

/** What a signed-in person is told: the current version and whether they must accept it. */
export const PolicyStatusSchema = z.object({
  /** Null when no policy is published: nothing to accept. */
  current: PolicyVersionSchema.nullable(),
  /** The newest version this person accepted, or null. */
  acceptedVersion: z.number().int().positive().nullable(),
  /** True when a current version exists and this person has not accepted it. */
  mustAccept: z.boolean(),
});
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

export const AcceptPolicyRequestSchema = z.object({
  /** The version read; a newer one published meanwhile is refused with 409. */
  version: z.number().int().positive(),
});

export const PublishPolicyRequestSchema = z.object({
  text: z.string().trim().min(1).max(POLICY_TEXT_MAX),
});

/** One person's acceptance of a version. */
export const PolicyAcceptanceSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Epoch milliseconds. */
  at: z.number().int(),
});
export type PolicyAcceptance = z.infer<typeof PolicyAcceptanceSchema>;

/** The admin console's view: every version (newest first) and who accepted the current one. */
export const AdminPolicySchema = z.object({
  versions: z.array(PolicyVersionSchema),
  acceptedCount: z.number().int().nonnegative(),
  /** Newest first; at most `ADMIN_ACCEPTANCES_MAX`. */
  acceptances: z.array(PolicyAcceptanceSchema),
});
export type AdminPolicy = z.infer<typeof AdminPolicySchema>;

/** Most acceptances listed in the admin view (the count is always exact). */
export const ADMIN_ACCEPTANCES_MAX = 1000;
