/**
 * What company admins see over the REST API: the audit log (entries, filters,
 * paging, verification), people and spaces as metadata, and the recovery of
 * a space whose owners are gone. The routes are in shared/rest/admin.ts.
 */
import { z } from 'zod';
import { PersonSchema, SpaceSchema } from './api.ts';

/** Every kind of audit entry the relay writes. */
export const AUDIT_KINDS = [
  'sign-in',
  'refused',
  'space.created',
  'space.deleted',
  'space.restored',
  'member.set',
  'member.removed',
  'space.exported',
  'admin.people.listed',
  'admin.spaces.listed',
  'admin.space.recovered',
  'admin.audit.queried',
  'admin.audit.exported',
  'admin.audit.verified',
  'audit.purged',
  'legal.retention.set',
  'legal.hold.created',
  'legal.hold.released',
  'legal.exported',
  'legal.purged',
  'policy.published',
  'policy.accepted',
  'admin.policy.viewed',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.tested',
  'token.created',
  'token.revoked',
  'admin.service-account.created',
  'admin.service-account.revoked',
  'admin.service-account.rotated',
  'admin.service-account.assigned',
  'directory.provisioned',
  'directory.updated',
  'directory.deactivated',
  'space.classified',
  'admin.classification.set',
  'directory.group.created',
  'directory.group.updated',
  'directory.group.deleted',
  'directory.admin.granted',
  'directory.admin.revoked',
  'admin.champion.set',
  'admin.adoption.viewed',
  'space.visibility.set',
  'member.joined',
  'member.left',
] as const;
export const AuditKindSchema = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof AuditKindSchema>;

/** Free-form facts of an entry: flat, small, never document content. */
export const AuditDetailSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);
export type AuditDetail = z.infer<typeof AuditDetailSchema>;

/** One entry of the audit log as stored: who, when, what, from where, and its link in the chain. */
export const AuditEntrySchema = z.object({
  /** 1, 2, 3, … in the order written; never reused. */
  seq: z.number().int().positive(),
  /** Epoch milliseconds. */
  at: z.number().int(),
  kind: AuditKindSchema,
  /** The person who acted (a token's `sub`); null when unknown (refused before sign-in). */
  actor: z.string().nullable(),
  space: z.string().nullable(),
  /** Whom or what the action was about besides the space (a member, a route). */
  target: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  detail: AuditDetailSchema,
  /** SHA-256 (hex) of the previous entry; 64 zeros for the first. */
  prevHash: z.string(),
  /** SHA-256 (hex) of this entry's canonical encoding. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Most entries one page of `GET /api/admin/audit` holds. */
export const AUDIT_PAGE_MAX = 1000;
/** Most entries one export holds (newest first); narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 100_000;

const epochMs = z.coerce.number().int().nonnegative();

/** Filters of the audit routes, as query parameters. */
export const AuditQuerySchema = z.object({
  person: z.string().min(1).max(255).optional(),
  space: z.string().min(1).max(255).optional(),
  kind: AuditKindSchema.optional(),
  /** Entries at or after this epoch ms. */
  from: epochMs.optional(),
  /** Entries before this epoch ms. */
  to: epochMs.optional(),
  /** Paging: entries with a `seq` below this (the previous page's `next`). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  /** Newest first. */
  entries: z.array(AuditEntrySchema),
  /** `before` of the next (older) page, or null on the last. */
  next: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditExportFormatSchema = z.enum(['jsonl', 'csv']);
export type AuditExportFormat = z.infer<typeof AuditExportFormatSchema>;

/** The outcome of checking the chain: intact, or the first entry that breaks it. */
export const AuditVerificationSchema = z.union([
  z.object({
    ok: z.literal(true),
    entries: z.number().int().nonnegative(),
    /** Hash of the newest entry: record it elsewhere to detect a rewrite of the whole log. */
    head: z.string(),
  }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().nonnegative(),
    /** The first entry that fails (or the first missing one). */
    seq: z.number().int(),
    reason: z.string(),
  }),
]);
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** `GET /api/admin/status`: whether the caller is an admin (anyone may ask). */
/** `champion`: marked a champion by admins (they may open the adoption view). */
export const AdminStatusSchema = z.object({ admin: z.boolean(), champion: z.boolean().optional() });

export const AdminPeopleResponseSchema = z.object({ people: z.array(PersonSchema) });

/** A space as admins see it: metadata only, never its notes. */
export const AdminSpaceSchema = SpaceSchema.extend({
  createdAt: z.number().int(),
  /** Epoch ms of its deletion, or null while live. */
  deletedAt: z.number().int().nullable(),
  members: z.number().int().nonnegative(),
  /** Ids of its owners; empty when none is left. */
  owners: z.array(z.string()),
  /** Its classification label id (the default one when none was set); absent from older relays. */
  label: z.string().optional(),
});
export type AdminSpace = z.infer<typeof AdminSpaceSchema>;
export const AdminSpacesResponseSchema = z.object({ spaces: z.array(AdminSpaceSchema) });

/** `POST /api/admin/spaces/{id}/recover`: who becomes an owner. */
export const RecoverSpaceRequestSchema = z.object({ userId: z.string().min(1).max(255) }).strict();
