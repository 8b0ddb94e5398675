/**
 * Company admins (members of the configured IdP group): the audit log,
 * people and spaces as metadata, and recovering a space. Everyone else gets
 * 403, and that refusal is audited too. Rules in relay/http/routes-admin.ts.
 */
import { z } from 'zod';
import {
  AdminPeopleResponseSchema,
  AdminSpaceSchema,
  AdminSpacesResponseSchema,
  AdminStatusSchema,
  AUDIT_EXPORT_MAX,
  AUDIT_PAGE_MAX,
  AuditExportFormatSchema,
  AuditKindSchema,
  AuditPageSchema,
  AuditVerificationSchema,
  RecoverSpaceRequestSchema,
} from '../admin-api.ts';
import { defineRoutes, type RouteQueryParam } from './contract.ts';

const AUDIT_FILTERS: readonly RouteQueryParam[] = [
  {
    name: 'person',
    description: 'only entries of this person (id)',
    schema: z.string().optional(),
  },
  {
    name: 'space',
    description: 'only entries about this space (id)',
    schema: z.string().optional(),
  },
  { name: 'kind', description: 'only entries of this kind', schema: AuditKindSchema.optional() },
  {
    name: 'from',
    description: 'entries at or after this time (epoch ms)',
    schema: z.number().optional(),
  },
  { name: 'to', description: 'entries before this time (epoch ms)', schema: z.number().optional() },
];

export const ADMIN_ROUTES = defineRoutes({
  recordSpaceExport: {
    method: 'POST',
    path: '/api/spaces/{id}/exports',
    operationId: 'recordSpaceExport',
    summary:
      'Tells the relay that the caller exported the space (the app builds the archive itself from notes it may read), so the export is audited (members only).',
    auth: true,
    responses: { 204: { description: 'recorded' } },
    errors: [403, 404],
  },
  getAdminStatus: {
    method: 'GET',
    path: '/api/admin/status',
    operationId: 'getAdminStatus',
    summary:
      'Whether the caller is a company admin (anyone may ask; the app shows its Admin view by it).',
    auth: true,
    responses: { 200: { description: 'the caller’s status', schema: AdminStatusSchema } },
    errors: [],
  },
  listAuditEntries: {
    method: 'GET',
    path: '/api/admin/audit',
    operationId: 'listAuditEntries',
    summary: 'Audit log entries, newest first, filtered and paged (admins only).',
    auth: true,
    query: [
      ...AUDIT_FILTERS,
      {
        name: 'before',
        description: 'paging: the previous page’s `next`',
        schema: z.number().optional(),
      },
      {
        name: 'limit',
        description: `entries per page, at most ${String(AUDIT_PAGE_MAX)}`,
        schema: z.number().optional(),
      },
    ],
    responses: { 200: { description: 'one page of entries', schema: AuditPageSchema } },
    errors: [400, 403],
  },
  exportAuditEntries: {
    method: 'GET',
    path: '/api/admin/audit/export',
    operationId: 'exportAuditEntries',
    summary: `The filtered audit log as JSON Lines or CSV, newest first, at most ${String(AUDIT_EXPORT_MAX)} entries (admins only).`,
    auth: true,
    query: [
      ...AUDIT_FILTERS,
      {
        name: 'format',
        description: '`jsonl` (default) or `csv`',
        schema: AuditExportFormatSchema.optional(),
      },
    ],
    responses: {
      200: {
        description: 'the entries',
        rawContentTypes: ['application/x-ndjson', 'text/csv'],
      },
    },
    errors: [400, 403],
  },
  verifyAuditLog: {
    method: 'GET',
    path: '/api/admin/audit/verify',
    operationId: 'verifyAuditLog',
    summary:
      'Checks the audit log’s hash chain: intact, or the first entry that breaks it (admins only).',
    auth: true,
    responses: { 200: { description: 'the verification', schema: AuditVerificationSchema } },
    errors: [403],
  },
  listAllPeople: {
    method: 'GET',
    path: '/api/admin/people',
    operationId: 'listAllPeople',
    summary: 'People who have signed in, optionally matching `q` (admins only).',
    auth: true,
    query: [{ name: 'q', description: 'search text', schema: z.string().max(100).optional() }],
    responses: { 200: { description: 'people', schema: AdminPeopleResponseSchema } },
    errors: [403],
  },
  listAllSpaces: {
    method: 'GET',
    path: '/api/admin/spaces',
    operationId: 'listAllSpaces',
    summary:
      'Every space as metadata (name, dates, member count, owners), never its notes (admins only).',
    auth: true,
    responses: { 200: { description: 'spaces', schema: AdminSpacesResponseSchema } },
    errors: [403],
  },
  recoverSpace: {
    method: 'POST',
    path: '/api/admin/spaces/{id}/recover',
    operationId: 'recoverSpace',
    summary:
      'Makes a named person an owner of a space, e.g. one whose owners have all left (admins only).',
    auth: true,
    body: RecoverSpaceRequestSchema,
    responses: { 200: { description: 'the space as now stored', schema: AdminSpaceSchema } },
    errors: [403, 404],
  },
});
