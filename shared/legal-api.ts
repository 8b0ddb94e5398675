/**
 * Retention policy, legal holds and eDiscovery export as company admins see
 * them over the REST API (routes in shared/rest/legal.ts). A legal hold is
 * the legal case ("matter") itself: while it is active nothing it covers is
 * purged, and it is what an eDiscovery export is made for.
 */
import { z } from 'zod';
import { ID_PATTERN } from './wire.ts';

/** Longest retention an admin may set (100 years), in days. */
export const MAX_RETENTION_DAYS = 36_500;

const daysSchema = z.number().int().min(1).max(MAX_RETENTION_DAYS);

/**
 * Days notes stay in the trash and days old history (versions, deleted text in
 * a note's stored log, the edit journal) is kept. Null: kept for ever (company)
 * or the company's value (a space override).
 */
export const RetentionPolicySchema = z
  .object({ trashDays: daysSchema.nullable(), historyDays: daysSchema.nullable() })
  .strict();
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const SpaceRetentionSchema = RetentionPolicySchema.extend({
  spaceId: z.string().regex(ID_PATTERN),
});
export type SpaceRetention = z.infer<typeof SpaceRetentionSchema>;

export const RetentionSettingsSchema = z.object({
  company: RetentionPolicySchema,
  spaces: z.array(SpaceRetentionSchema),
});
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

/** What a hold covers: every note of a space, or every note a person edited. */
export const HoldScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('space'), spaceId: z.string().regex(ID_PATTERN) }).strict(),
  z.object({ kind: z.literal('person'), personId: z.string().min(1).max(255) }).strict(),
]);
export type HoldScope = z.infer<typeof HoldScopeSchema>;

export const CaseNameSchema = z.string().trim().min(1).max(200);

export const LegalHoldSchema = z.object({
  id: z.string(),
  caseName: z.string(),
  scope: HoldScopeSchema,
  createdBy: z.string(),
  createdAt: z.number().int(),
  releasedBy: z.string().nullable(),
  releasedAt: z.number().int().nullable(),
});
export type LegalHold = z.infer<typeof LegalHoldSchema>;

export const CreateHoldRequestSchema = z
  .object({ caseName: CaseNameSchema, scope: HoldScopeSchema })
  .strict();

export const HoldsResponseSchema = z.object({ holds: z.array(LegalHoldSchema) });

/** Whether a hold is still in force. */
export function holdActive(hold: LegalHold): boolean {
  return hold.releasedAt === null;
}
