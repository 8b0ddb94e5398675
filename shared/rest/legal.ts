/** Retention policy, legal holds and eDiscovery export (company admins only). */
import {
  CreateHoldRequestSchema,
  HoldsResponseSchema,
  LegalHoldSchema,
  RetentionPolicySchema,
  RetentionSettingsSchema,
} from '../legal-api.ts';
import { defineRoutes } from './contract.ts';

export const LEGAL_ROUTES = defineRoutes({
  getRetention: {
    method: 'GET',
    path: '/api/admin/legal/retention',
    operationId: 'getRetention',
    summary: 'The company’s retention policy and every space’s override (admins only).',
    auth: true,
    responses: { 200: { description: 'the settings', schema: RetentionSettingsSchema } },
    errors: [403],
  },
  setCompanyRetention: {
    method: 'PUT',
    path: '/api/admin/legal/retention',
    operationId: 'setCompanyRetention',
    summary:
      'Sets the company’s days in the trash and days of history; null keeps for ever (admins only).',
    auth: true,
    body: RetentionPolicySchema,
    responses: { 200: { description: 'the settings now', schema: RetentionSettingsSchema } },
    errors: [403],
  },
  setSpaceRetention: {
    method: 'PUT',
    path: '/api/admin/legal/retention/spaces/{id}',
    operationId: 'setSpaceRetention',
    summary:
      'Overrides the retention of one space; null takes the company’s value, both null removes the override (admins only).',
    auth: true,
    body: RetentionPolicySchema,
    responses: { 200: { description: 'the settings now', schema: RetentionSettingsSchema } },
    errors: [403, 404],
  },
  listHolds: {
    method: 'GET',
    path: '/api/admin/legal/holds',
    operationId: 'listHolds',
    summary: 'Every legal hold, active and released, newest first (admins only).',
    auth: true,
    responses: { 200: { description: 'the holds', schema: HoldsResponseSchema } },
    errors: [403],
  },
  createHold: {
    method: 'POST',
    path: '/api/admin/legal/holds',
    operationId: 'createHold',
    summary:
      'Opens a legal case: nothing in its scope (a space, or every note a person edited) is purged until it is released (admins only).',
    auth: true,
    body: CreateHoldRequestSchema,
    responses: { 201: { description: 'the hold', schema: LegalHoldSchema } },
    errors: [403, 404],
  },
  releaseHold: {
    method: 'POST',
    path: '/api/admin/legal/holds/{holdId}/release',
    operationId: 'releaseHold',
    summary: 'Releases a legal hold; purges resume on the next run (admins only).',
    auth: true,
    responses: { 200: { description: 'the released hold', schema: LegalHoldSchema } },
    errors: [403, 404, 409],
  },
  exportHold: {
    method: 'GET',
    path: '/api/admin/legal/holds/{holdId}/export',
    operationId: 'exportHold',
    summary:
      'eDiscovery: a zip of every note the active hold covers, as Markdown and JSON (versions, per-edit attribution) with a manifest of SHA-256 checksums (admins only).',
    auth: true,
    responses: { 200: { description: 'the archive', rawContentTypes: ['application/zip'] } },
    errors: [403, 404, 409],
  },
});
