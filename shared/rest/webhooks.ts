/**
 * Outgoing webhooks: company-wide ones by admins, a space's own by its
 * owners; each delivery is signed and logged. Rules in
 * relay/http/routes-webhooks.ts.
 */
import { z } from 'zod';
import {
  CreatedWebhookSchema,
  CreateWebhookRequestSchema,
  DeliveriesResponseSchema,
  DELIVERY_PAGE_MAX,
  TestWebhookResponseSchema,
  UpdateWebhookRequestSchema,
  WebhookSchema,
  WebhooksResponseSchema,
} from '../webhooks-api.ts';
import { defineRoutes } from './contract.ts';

export const WEBHOOK_ROUTES = defineRoutes({
  listAllWebhooks: {
    method: 'GET',
    path: '/api/admin/webhooks',
    operationId: 'listAllWebhooks',
    summary: 'Every webhook, company-wide and per space (admins only).',
    auth: true,
    responses: { 200: { description: 'the webhooks', schema: WebhooksResponseSchema } },
    errors: [403],
  },
  createCompanyWebhook: {
    method: 'POST',
    path: '/api/admin/webhooks',
    operationId: 'createCompanyWebhook',
    summary:
      'Creates a webhook for every space (or one named space); the answer holds its signing secret, shown only this once (admins only).',
    auth: true,
    body: CreateWebhookRequestSchema,
    responses: { 201: { description: 'the webhook and its secret', schema: CreatedWebhookSchema } },
    errors: [403, 404, 409],
  },
  listSpaceWebhooks: {
    method: 'GET',
    path: '/api/spaces/{id}/webhooks',
    operationId: 'listSpaceWebhooks',
    summary: 'The webhooks of one space (its owners and admins).',
    auth: true,
    responses: { 200: { description: 'the webhooks', schema: WebhooksResponseSchema } },
    errors: [403, 404],
  },
  createSpaceWebhook: {
    method: 'POST',
    path: '/api/spaces/{id}/webhooks',
    operationId: 'createSpaceWebhook',
    summary:
      'Creates a webhook for one space; the answer holds its signing secret, shown only this once (owners only).',
    auth: true,
    body: CreateWebhookRequestSchema,
    responses: { 201: { description: 'the webhook and its secret', schema: CreatedWebhookSchema } },
    errors: [403, 404, 409],
  },
  updateWebhook: {
    method: 'PATCH',
    path: '/api/webhooks/{webhookId}',
    operationId: 'updateWebhook',
    summary:
      'Enables or disables a webhook or changes its events (admins; owners for their space).',
    auth: true,
    body: UpdateWebhookRequestSchema,
    responses: { 200: { description: 'the webhook as now stored', schema: WebhookSchema } },
    errors: [403, 404],
  },
  deleteWebhook: {
    method: 'DELETE',
    path: '/api/webhooks/{webhookId}',
    operationId: 'deleteWebhook',
    summary: 'Deletes a webhook and its delivery log (admins; owners for their space).',
    auth: true,
    responses: { 204: { description: 'deleted' } },
    errors: [403, 404],
  },
  listWebhookDeliveries: {
    method: 'GET',
    path: '/api/webhooks/{webhookId}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary:
      'The delivery log of a webhook, newest first: status, attempts, last answer, next attempt (admins; owners for their space).',
    auth: true,
    query: [
      {
        name: 'limit',
        description: `deliveries, at most ${String(DELIVERY_PAGE_MAX)}`,
        schema: z.number().optional(),
      },
    ],
    responses: { 200: { description: 'the deliveries', schema: DeliveriesResponseSchema } },
    errors: [403, 404],
  },
  testWebhook: {
    method: 'POST',
    path: '/api/webhooks/{webhookId}/test',
    operationId: 'testWebhook',
    summary: 'Queues a `webhook.test` event for this webhook (admins; owners for their space).',
    auth: true,
    responses: { 200: { description: 'queued', schema: TestWebhookResponseSchema } },
    errors: [403, 404],
  },
});
