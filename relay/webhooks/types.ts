/**
 * The webhook store's contract: subscriptions, and the outbox of their
 * deliveries. The outbox lives in the database shared by every relay node,
 * so an event queued by the node that stored an update is delivered once by
 * whichever node claims it, and a restart neither loses nor repeats it.
 */
import type { Delivery, Webhook, WebhookEventKind } from '../../shared/webhooks-api.ts';
import type { MaybePromise } from '../storage/types.ts';

/** A subscription with what the relay needs to sign its deliveries. */
export interface WebhookRow extends Webhook {
  /**
   * The signing secret, kept in the database as it is: HMAC needs the secret
   * itself, so it cannot be stored as a one-way hash like a password.
   */
  readonly secret: string;
}

/** One event for one webhook, to queue. */
export interface OutboxInput {
  readonly eventId: string;
  readonly webhookId: string;
  readonly kind: string;
  /**
   * The exact body to post (JSON text); every attempt sends the same bytes.
   * A function gets the event id the row keeps (a folded debounced event
   * keeps its first id, and its body must name that id).
   */
  readonly payload: string | ((eventId: string) => string);
  /** Epoch ms of the event. */
  readonly createdAt: number;
  /** Earliest epoch ms of the first attempt. */
  readonly notBefore: number;
  /**
   * Debounced events: while a queued row with this key waits for its first
   * attempt, queueing another only replaces its payload and pushes its
   * attempt back (a quiet period), keeping its event id.
   */
  readonly debounceKey?: string;
}

/** A delivery claimed by one node for one attempt. */
export interface ClaimedDelivery {
  readonly eventId: string;
  readonly webhookId: string;
  readonly kind: string;
  readonly payload: string;
  /** Attempts made before this one. */
  readonly attempts: number;
  /** Proves the claim when recording the outcome (a claim whose lease ran out is void). */
  readonly leaseToken: string;
}

/** What became of one attempt. */
export type AttemptOutcome =
  | { readonly kind: 'delivered'; readonly status: number; readonly at: number }
  | {
      readonly kind: 'retry' | 'failed';
      readonly status: number | null;
      readonly error: string;
      /** Epoch ms of the next attempt (`retry` only). */
      readonly nextAttemptAt: number;
    };

export interface WebhookStore {
  create(row: WebhookRow): MaybePromise<void>;
  get(id: string): MaybePromise<WebhookRow | null>;
  /** Every webhook, or those of one space (null: company-wide only), oldest first. */
  list(filter?: { readonly spaceId: string | null }): MaybePromise<WebhookRow[]>;
  /** Enabled webhooks that receive `kind` from `spaceId` (its own and company-wide ones). */
  subscribers(spaceId: string, kind: WebhookEventKind): MaybePromise<WebhookRow[]>;
  update(
    id: string,
    change: { readonly enabled?: boolean; readonly events?: readonly WebhookEventKind[] },
  ): MaybePromise<WebhookRow | null>;
  /** Deletes a webhook and its deliveries; false when there was none. */
  delete(id: string): MaybePromise<boolean>;
  /** Queues deliveries; an event id already queued for the webhook is ignored (idempotent). */
  enqueue(inputs: readonly OutboxInput[]): MaybePromise<void>;
  /**
   * Claims up to `limit` deliveries due at `now`, each for `leaseMs`: no
   * other node claims them before the lease runs out, and if this one dies
   * they are due again after it.
   */
  claim(now: number, leaseMs: number, limit: number): MaybePromise<ClaimedDelivery[]>;
  /** Records an attempt's outcome; false when the claim was void (its lease had run out). */
  settle(claim: ClaimedDelivery, outcome: AttemptOutcome): MaybePromise<boolean>;
  /** A webhook's deliveries, newest first. */
  deliveries(webhookId: string, limit: number): MaybePromise<Delivery[]>;
  /** Epoch ms of the earliest pending attempt, or null: lets the worker sleep until then. */
  nextDue(): MaybePromise<number | null>;
  close(): MaybePromise<void>;
}
