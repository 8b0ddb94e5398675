/**
 * Outgoing webhooks: what the relay posts to a subscriber's URL when
 * something happens in a space, and how admins and space owners manage the
 * subscriptions over REST (routes in shared/rest/webhooks.ts). Receivers
 * verify each delivery's signature (docs/administration.md, "Webhooks").
 */
import { z } from 'zod';

/** Events a webhook can subscribe to. */
export const WEBHOOK_EVENT_KINDS = [
  'note.created',
  'note.updated',
  'action_item.assigned',
  'action_item.completed',
  'comment.created',
  'member.added',
] as const;
export const WebhookEventKindSchema = z.enum(WEBHOOK_EVENT_KINDS);
export type WebhookEventKind = z.infer<typeof WebhookEventKindSchema>;

/** The kind of the event "Send test event" posts; every webhook receives it when asked. */
export const WEBHOOK_TEST_KIND = 'webhook.test';

/** Header naming the event's unique id: a receiver that saw it already ignores the delivery. */
export const EVENT_ID_HEADER = 'Commonplace-Event-Id';
/** Header `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'Commonplace-Signature';
/** Header naming the event's kind, so a receiver can route before parsing. */
export const EVENT_KIND_HEADER = 'Commonplace-Event';

/** Most webhooks in one scope (the company, or one space). */
export const WEBHOOKS_PER_SCOPE_MAX = 20;
/** Longest accepted URL. */
export const WEBHOOK_URL_MAX = 2048;
/** Most deliveries one page of the delivery log holds. */
export const DELIVERY_PAGE_MAX = 200;

/** A subscription as admins and owners see it: never its secret after creation. */
export const WebhookSchema = z.object({
  id: z.string(),
  /** The space whose events it receives; null: every space of the company. */
  spaceId: z.string().nullable(),
  url: z.string(),
  events: z.array(WebhookEventKindSchema),
  enabled: z.boolean(),
  createdAt: z.number().int(),
  createdBy: z.string(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** The answer to a creation: the only time the secret is shown. */
export const CreatedWebhookSchema = WebhookSchema.extend({
  /** The signing secret (`whsec_…`): store it in the receiver now; it is never shown again. */
  secret: z.string(),
});
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

export const WebhooksResponseSchema = z.object({ webhooks: z.array(WebhookSchema) });

const EventsSchema = z
  .array(WebhookEventKindSchema)
  .min(1)
  .max(WEBHOOK_EVENT_KINDS.length)
  .refine((events) => new Set(events).size === events.length, { error: 'events repeat' });

/** `POST /api/spaces/{id}/webhooks` (owners) and `POST /api/admin/webhooks` (admins). */
export const CreateWebhookRequestSchema = z
  .object({
    url: z.string().min(1).max(WEBHOOK_URL_MAX),
    events: EventsSchema,
    /** Admins only: limit a company webhook to one space. */
    spaceId: z.string().min(1).max(255).nullable().optional(),
  })
  .strict();
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequestSchema>;

/** `PATCH /api/webhooks/{webhookId}`: enable, disable, or change its events. */
export const UpdateWebhookRequestSchema = z
  .object({ enabled: z.boolean().optional(), events: EventsSchema.optional() })
  .strict();
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequestSchema>;

export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** One event's delivery to one webhook, as the delivery log shows it. */
export const DeliverySchema = z.object({
  /** The event's id (header `Commonplace-Event-Id`): the same on every attempt. */
  eventId: z.string(),
  kind: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.number().int().nonnegative(),
  /** HTTP status of the last attempt, or null (none yet, or no answer). */
  lastStatus: z.number().int().nullable(),
  /** Why the last attempt failed (timeout, refused address, …), or null. */
  lastError: z.string().nullable(),
  /** Epoch ms of the next attempt while pending; null once delivered or failed. */
  nextAttemptAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  deliveredAt: z.number().int().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveriesResponseSchema = z.object({ deliveries: z.array(DeliverySchema) });

/** `POST /api/webhooks/{webhookId}/test`: the queued test event's id. */
export const TestWebhookResponseSchema = z.object({ eventId: z.string() });

/**
 * The JSON body of every delivery. Ids, never note content beyond a title:
 * a receiver that needs more asks the relay with its own credentials.
 */
export const WebhookEventSchema = z.object({
  /** Unique per event: the idempotency key, also sent as `Commonplace-Event-Id`. */
  id: z.string(),
  type: z.union([WebhookEventKindSchema, z.literal(WEBHOOK_TEST_KIND)]),
  /** ISO 8601 time of the event. */
  createdAt: z.string(),
  spaceId: z.string().nullable(),
  /** The person who acted (a token's `sub`), or null. */
  actor: z.string().nullable(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
