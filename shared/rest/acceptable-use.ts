/**
 * The acceptable-use policy over REST: anyone signed in reads the current
 * version and accepts it; company admins publish new versions and see who
 * accepted. Rules in relay/http/routes-acceptable-use.ts.
 */
import {
  AcceptPolicyRequestSchema,
  AdminPolicySchema,
  PolicyStatusSchema,
  PolicyVersionSchema,
  PublishPolicyRequestSchema,
} from '../acceptable-use.ts';
import { defineRoutes } from './contract.ts';

export const POLICY_ROUTES = defineRoutes({
  getPolicyStatus: {
    method: 'GET',
    path: '/api/policy',
    operationId: 'getPolicyStatus',
    summary:
      'The current acceptable-use policy (null when none is published) and whether the caller must accept it before editing.',
    auth: true,
    responses: {
      200: { description: 'the policy and the caller’s status', schema: PolicyStatusSchema },
    },
    errors: [],
  },
  acceptPolicy: {
    method: 'POST',
    path: '/api/policy/accept',
    operationId: 'acceptPolicy',
    summary:
      'Records that the caller accepted the named (current) version; their open connections may write at once. Audited.',
    auth: true,
    body: AcceptPolicyRequestSchema,
    responses: { 200: { description: 'the caller’s status now', schema: PolicyStatusSchema } },
    errors: [404, 409],
  },
  getAdminPolicy: {
    method: 'GET',
    path: '/api/admin/policy',
    operationId: 'getAdminPolicy',
    summary:
      'Every version of the acceptable-use policy and who accepted the current one (admins only).',
    auth: true,
    responses: { 200: { description: 'versions and acceptances', schema: AdminPolicySchema } },
    errors: [403],
  },
  publishPolicy: {
    method: 'POST',
    path: '/api/admin/policy',
    operationId: 'publishPolicy',
    summary:
      'Publishes a new version of the acceptable-use policy: everyone must accept it before editing again (admins only).',
    auth: true,
    body: PublishPolicyRequestSchema,
    responses: { 201: { description: 'the version published', schema: PolicyVersionSchema } },
    errors: [403],
  },
});
