/**
 * Turns something that happened into queued deliveries: one outbox row per
 * subscribed webhook, in the shared database. Which spaces and kinds anyone
 * subscribes to is kept in memory (refreshed after every change made through
 * this node and every `refreshMs`, for changes made through other nodes), so
 * the document watcher costs nothing where nobody listens.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { WebhookEvent, WebhookEventKind } from '../../shared/webhooks-api.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { OutboxInput, WebhookStore } from './types.ts';

/** One event, before it is addressed to webhooks. */
export interface EventInput {
  readonly kind: WebhookEventKind;
  readonly spaceId: string;
  readonly actor: string | null;
  readonly data: WebhookEvent['data'];
  /**
   * Makes the event id a digest of this text instead of random: an event
   * that two nodes could both detect (a new comment's id) is then queued
   * once, as the outbox ignores an event id it already holds.
   */
  readonly uniqueKey?: string;
  /** Debounced: changes with the same key fold into one event after `debounceMs` of quiet. */
  readonly debounceKey?: string;
}

export interface EmitterOptions {
  readonly store: WebhookStore;
  readonly log: Logger;
  readonly now: () => number;
  readonly debounceMs: number;
  /** How often subscriptions made through other nodes are picked up. */
  readonly refreshMs: number;
  /** Told after rows are queued (the deliverer looks at once). */
  readonly queued: () => void;
}

/** An event id: `evt_` and 32 hex digits, random or the digest of a unique key. */
export function eventId(uniqueKey?: string): string {
  const hex =
    uniqueKey === undefined
      ? randomUUID().replaceAll('-', '')
      : createHash('sha256').update(uniqueKey).digest('hex').slice(0, 32);
  return `evt_${hex}`;
}

/** The JSON body of an event. */
export function eventBody(
  id: string,
  type: WebhookEvent['type'],
  at: number,
  spaceId: string | null,
  actor: string | null,
  data: WebhookEvent['data'],
): string {
  const event: WebhookEvent = {
    id,
    type,
    createdAt: new Date(at).toISOString(),
    spaceId,
    actor,
    data,
  };
  return JSON.stringify(event);
}

export class WebhookEmitter {
  readonly #o: EmitterOptions;
  /** Kinds subscribed per space; `*` holds those of company-wide webhooks. */
  #interest = new Map<string, Set<WebhookEventKind>>();
  #refreshedAt = -Infinity;
  #refreshing: Promise<void> | null = null;
  /** Last fold per debounce key: a typist's every keystroke need not write to the outbox. */
  readonly #folded = new Map<string, { readonly at: number; readonly actor: string | null }>();

  constructor(options: EmitterOptions) {
    this.#o = options;
  }

  /** Reloads which spaces and kinds are subscribed. */
  refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      try {
        const interest = new Map<string, Set<WebhookEventKind>>();
        for (const hook of await this.#o.store.list()) {
          if (!hook.enabled) continue;
          const key = hook.spaceId ?? '*';
          const kinds = interest.get(key) ?? new Set();
          for (const kind of hook.events) kinds.add(kind);
          interest.set(key, kinds);
        }
        this.#interest = interest;
        this.#refreshedAt = this.#o.now();
      } catch (err) {
        this.#o.log.warn('webhook subscriptions not reloaded', { error: errorMessage(err) });
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }

  /** The kinds someone subscribes to in `spaceId` (as last loaded; a stale view reloads in the background). */
  interest(spaceId: string): ReadonlySet<WebhookEventKind> {
    if (this.#o.now() - this.#refreshedAt > this.#o.refreshMs) void this.refresh();
    const own = this.#interest.get(spaceId);
    const all = this.#interest.get('*');
    if (own === undefined) return all ?? new Set();
    if (all === undefined) return own;
    return new Set([...own, ...all]);
  }

  /** Queues `event` for every enabled webhook subscribed to it. */
  async emit(event: EventInput): Promise<void> {
    if (event.debounceKey !== undefined && this.#recentlyFolded(event)) return;
    // The store is asked, not the cached interest: an event is never lost to
    // a view of subscriptions that another node changed a moment ago.
    const hooks = await this.#o.store.subscribers(event.spaceId, event.kind);
    if (hooks.length === 0) return;
    const at = this.#o.now();
    const id = eventId(event.uniqueKey);
    const debounced = event.debounceKey !== undefined;
    const rows: OutboxInput[] = hooks.map((hook) => ({
      eventId: id,
      webhookId: hook.id,
      kind: event.kind,
      payload: (kept) => eventBody(kept, event.kind, at, event.spaceId, event.actor, event.data),
      createdAt: at,
      notBefore: debounced ? at + this.#o.debounceMs : at,
      ...(event.debounceKey === undefined ? {} : { debounceKey: event.debounceKey }),
    }));
    await this.#o.store.enqueue(rows);
    this.#o.queued();
  }

  /**
   * True when the same person's change to the same note was folded into the
   * outbox less than a tenth of the quiet period ago: the event's quiet
   * period then ends at most that much early, and names the same person.
   */
  #recentlyFolded(event: EventInput): boolean {
    const key = event.debounceKey ?? '';
    const now = this.#o.now();
    const last = this.#folded.get(key);
    if (
      last !== undefined &&
      last.actor === event.actor &&
      now - last.at < this.#o.debounceMs / 10
    ) {
      return true;
    }
    if (this.#folded.size >= 10_000) this.#folded.clear();
    this.#folded.set(key, { at: now, actor: event.actor });
    return false;
  }

  /** Emits without waiting; a failure is logged (an event is lost only if the database is down). */
  fire(event: EventInput): void {
    this.emit(event).catch((err: unknown) => {
      this.#o.log.error('webhook event not queued', { kind: event.kind, error: errorMessage(err) });
    });
  }
}
