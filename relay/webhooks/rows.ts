/** Rows of the webhook store to objects, shared by the SQLite and PostgreSQL stores. */
import { randomUUID } from 'node:crypto';
import {
  DeliveryStatusSchema,
  WebhookEventKindSchema,
  type Delivery,
  type WebhookEventKind,
} from '../../shared/webhooks-api.ts';
import type { AttemptOutcome, ClaimedDelivery, OutboxInput, WebhookRow } from './types.ts';

export const WEBHOOK_COLUMNS = 'id, space_id, url, events, secret, enabled, created_at, created_by';
export const DELIVERY_COLUMNS =
  'event_id, kind, status, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at';
export const CLAIM_COLUMNS = 'event_id, webhook_id, kind, payload, attempts, lease_token';

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Event kinds stored as a comma list; an unknown one (a newer relay's) is skipped. */
export function parseEvents(text: unknown): WebhookEventKind[] {
  return (typeof text === 'string' ? text : '').split(',').flatMap((kind) => {
    const parsed = WebhookEventKindSchema.safeParse(kind);
    return parsed.success ? [parsed.data] : [];
  });
}

export function rowToWebhook(row: Row): WebhookRow {
  return {
    id: String(row['id']),
    spaceId: strOrNull(row['space_id']),
    url: String(row['url']),
    events: parseEvents(row['events']),
    secret: String(row['secret']),
    enabled: num(row['enabled']) === 1,
    createdAt: num(row['created_at']),
    createdBy: String(row['created_by']),
  };
}

export function webhookValues(row: WebhookRow): (string | number | null)[] {
  return [
    row.id,
    row.spaceId,
    row.url,
    row.events.join(','),
    row.secret,
    row.enabled ? 1 : 0,
    row.createdAt,
    row.createdBy,
  ];
}

export function rowToDelivery(row: Row): Delivery {
  const status = DeliveryStatusSchema.catch('failed').parse(row['status']);
  return {
    eventId: String(row['event_id']),
    kind: String(row['kind']),
    status,
    attempts: num(row['attempts']),
    nextAttemptAt: status === 'pending' ? numOrNull(row['next_attempt_at']) : null,
    lastStatus: numOrNull(row['last_status']),
    lastError: strOrNull(row['last_error']),
    createdAt: num(row['created_at']),
    deliveredAt: numOrNull(row['delivered_at']),
  };
}

export function rowToClaim(row: Row): ClaimedDelivery {
  return {
    eventId: String(row['event_id']),
    webhookId: String(row['webhook_id']),
    kind: String(row['kind']),
    payload: String(row['payload']),
    attempts: num(row['attempts']),
    leaseToken: String(row['lease_token']),
  };
}

/** A fresh lease token. */
export const newLeaseToken = (): string => randomUUID();

/**
 * The columns an outcome sets, in order: status, attempts (+1),
 * next_attempt_at, last_status, last_error, delivered_at.
 */
export function outcomeValues(
  claim: ClaimedDelivery,
  outcome: AttemptOutcome,
): [string, number, number | null, number | null, string | null, number | null] {
  const attempts = claim.attempts + 1;
  if (outcome.kind === 'delivered') {
    return ['delivered', attempts, null, outcome.status, null, outcome.at];
  }
  return [
    outcome.kind === 'retry' ? 'pending' : 'failed',
    attempts,
    outcome.kind === 'retry' ? outcome.nextAttemptAt : null,
    outcome.status,
    outcome.error.slice(0, 500),
    null,
  ];
}

/** The body of a queued event whose row keeps `eventId`. */
export function payloadOf(input: OutboxInput, eventId: string): string {
  return typeof input.payload === 'string' ? input.payload : input.payload(eventId);
}
