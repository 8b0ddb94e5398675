import { API } from '../../shared/rest/index.ts';
import type {
  CreatedWebhook,
  CreateWebhookRequest,
  Delivery,
  UpdateWebhookRequest,
  Webhook,
} from '../../shared/webhooks-api.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** Company webhooks as admins manage them; see shared/rest/webhooks.ts. */
export interface WebhooksApi {
  list(): Promise<Webhook[]>;
  /** The answer holds the signing secret: the only time it is shown. */
  create(request: CreateWebhookRequest): Promise<CreatedWebhook>;
  update(id: string, change: UpdateWebhookRequest): Promise<Webhook>;
  remove(id: string): Promise<void>;
  deliveries(id: string): Promise<Delivery[]>;
  /** Queues a test event; its id. */
  test(id: string): Promise<string>;
}

export function createWebhooksApi(options: ApiCallOptions): WebhooksApi {
  const call = createApiCall(options);
  return {
    list: async () => (await call(API.listAllWebhooks)).webhooks,
    create: (body) => call(API.createCompanyWebhook, { body }),
    update: (id, body) => call(API.updateWebhook, { params: { webhookId: id }, body }),
    remove: async (id) => {
      await call(API.deleteWebhook, { params: { webhookId: id } });
    },
    deliveries: async (id) =>
      (await call(API.listWebhookDeliveries, { params: { webhookId: id } })).deliveries,
    test: async (id) => (await call(API.testWebhook, { params: { webhookId: id } })).eventId,
  };
}
