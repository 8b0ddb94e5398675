/**
 * Personal access tokens (each person their own) and service accounts
 * (company admins). Rules in relay/http/routes-tokens.ts; a request made
 * with an access token can never call these routes.
 */
import {
  AccessTokensResponseSchema,
  CreateAccessTokenRequestSchema,
  CreatedAccessTokenSchema,
  CreatedServiceAccountSchema,
  ServiceAccountSpaceSchema,
  ServiceAccountsResponseSchema,
  SetServiceAccountSpaceRequestSchema,
} from '../access-tokens-api.ts';
import { defineRoutes } from './contract.ts';

export const TOKEN_ROUTES = defineRoutes({
  listAccessTokens: {
    method: 'GET',
    path: '/api/tokens',
    operationId: 'listAccessTokens',
    summary: 'Your personal access tokens that are not revoked (never their secrets).',
    auth: true,
    responses: { 200: { description: 'the tokens', schema: AccessTokensResponseSchema } },
    errors: [403],
  },
  createAccessToken: {
    method: 'POST',
    path: '/api/tokens',
    operationId: 'createAccessToken',
    summary:
      'Creates a personal access token; the answer holds its secret, shown only this once. The `admin` scope only for company admins.',
    auth: true,
    body: CreateAccessTokenRequestSchema,
    responses: {
      201: { description: 'the token and its secret', schema: CreatedAccessTokenSchema },
    },
    errors: [403, 409],
  },
  revokeAccessToken: {
    method: 'DELETE',
    path: '/api/tokens/{tokenId}',
    operationId: 'revokeAccessToken',
    summary: 'Revokes one of your access tokens; it is refused from now on.',
    auth: true,
    responses: { 204: { description: 'revoked' } },
    errors: [403, 404],
  },
  listServiceAccounts: {
    method: 'GET',
    path: '/api/admin/service-accounts',
    operationId: 'listServiceAccounts',
    summary: 'Service accounts that are not revoked (admins only; never their secrets).',
    auth: true,
    responses: { 200: { description: 'the accounts', schema: ServiceAccountsResponseSchema } },
    errors: [403],
  },
  createServiceAccount: {
    method: 'POST',
    path: '/api/admin/service-accounts',
    operationId: 'createServiceAccount',
    summary:
      'Creates a service account with its token; the answer holds the secret, shown only this once (admins only).',
    auth: true,
    body: CreateAccessTokenRequestSchema,
    responses: {
      201: { description: 'the account and its secret', schema: CreatedServiceAccountSchema },
    },
    errors: [403, 409],
  },
  revokeServiceAccount: {
    method: 'DELETE',
    path: '/api/admin/service-accounts/{tokenId}',
    operationId: 'revokeServiceAccount',
    summary: 'Revokes a service account; its token is refused from now on (admins only).',
    auth: true,
    responses: { 204: { description: 'revoked' } },
    errors: [403, 404],
  },
  rotateServiceAccount: {
    method: 'POST',
    path: '/api/admin/service-accounts/{tokenId}/rotate',
    operationId: 'rotateServiceAccount',
    summary:
      'Gives a service account a new token (same identity, name and scopes) and revokes the old one; the answer holds the new secret, shown only this once (admins only).',
    auth: true,
    responses: {
      201: { description: 'the account and its new secret', schema: CreatedServiceAccountSchema },
    },
    errors: [403, 404],
  },
  setServiceAccountSpace: {
    method: 'PUT',
    path: '/api/admin/service-accounts/{tokenId}/spaces/{id}',
    operationId: 'setServiceAccountSpace',
    summary:
      'Makes a service account an editor or viewer of a space, or (`role: null`) removes it (admins only).',
    auth: true,
    body: SetServiceAccountSpaceRequestSchema,
    responses: { 200: { description: 'its role now', schema: ServiceAccountSpaceSchema } },
    errors: [403, 404],
  },
});
