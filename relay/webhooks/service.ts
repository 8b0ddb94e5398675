/**
 * Outgoing webhooks on one relay node: the emitter that queues events, the
 * document watcher that detects them, the deliverer that posts them, and
 * what the REST routes use. Every node runs all of them against the shared
 * database; the outbox's leases keep each delivery to one node at a time.
 */
import { WEBHOOK_TEST_KIND } from '../../shared/webhooks-api.ts';
import type { Logger } from '../log.ts';
import type { DocStorage } from '../storage/types.ts';
import { DEFAULT_BACKOFF, WebhookDeliverer, type BackoffPolicy } from './deliverer.ts';
import { watchForWebhooks, type DocLookup } from './doc-watch.ts';
import { eventBody, eventId, WebhookEmitter } from './emitter.ts';
import type { WebhookRow, WebhookStore } from './types.ts';

/** Tunables; each has a default and tests shorten them. */
export interface WebhookSettings {
  /** Quiet time after a note's last change before its `note.updated` is sent. */
  readonly debounceMs: number;
  /** Accept `http://localhost`/`127.0.0.1` and private targets (development only). */
  readonly allowLocalTargets: boolean;
  readonly backoff: BackoffPolicy;
  /** Timeout of one POST. */
  readonly timeoutMs: number;
  /** How long a node's claim on a delivery keeps others away (longer than the timeout). */
  readonly leaseMs: number;
  /** Longest wait between looks at the outbox. */
  readonly pollMs: number;
  /** How often subscriptions made through other nodes are picked up. */
  readonly refreshMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  debounceMs: 30_000,
  allowLocalTargets: false,
  backoff: DEFAULT_BACKOFF,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  pollMs: 5_000,
  refreshMs: 10_000,
};

/** What the REST routes (relay/http/routes-webhooks.ts) use. */
export interface WebhookApi {
  readonly store: WebhookStore;
  readonly allowLocalTargets: boolean;
  /** After a subscription changed: reload who listens. */
  changed(): Promise<void>;
  /** Queues a `webhook.test` event for `hook`; its event id. */
  queueTest(hook: WebhookRow, actor: string): Promise<string>;
  /** A person was added to a space (not a role change of a member). */
  memberAdded(spaceId: string, actor: string, userId: string, role: string): void;
}

export interface WebhookService {
  readonly api: WebhookApi;
  /** Wraps document storage so stored updates raise events (`docs` finds a loaded room's doc). */
  watch(storage: DocStorage, docs: DocLookup): DocStorage;
  /** Loads subscriptions and starts delivering. */
  start(): Promise<void>;
  /** Stops delivering; waits for attempts in flight. */
  close(): Promise<void>;
}

export interface WebhookServiceOptions {
  readonly store: WebhookStore;
  readonly log: Logger;
  readonly settings: WebhookSettings;
  readonly version: string;
  readonly now?: () => number;
  readonly random?: () => number;
}

export function createWebhookService(options: WebhookServiceOptions): WebhookService {
  const { store, log, settings } = options;
  const now = options.now ?? Date.now;
  const deliverer = new WebhookDeliverer({
    store,
    log,
    backoff: settings.backoff,
    timeoutMs: settings.timeoutMs,
    leaseMs: settings.leaseMs,
    pollMs: settings.pollMs,
    allowLocalTargets: settings.allowLocalTargets,
    userAgent: `Commonplace-Webhooks/${options.version}`,
    now,
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  const emitter = new WebhookEmitter({
    store,
    log,
    now,
    debounceMs: settings.debounceMs,
    refreshMs: settings.refreshMs,
    queued: () => {
      deliverer.kick();
    },
  });
  return {
    api: {
      store,
      allowLocalTargets: settings.allowLocalTargets,
      changed: () => emitter.refresh(),
      queueTest: async (hook, actor) => {
        const id = eventId();
        const at = now();
        await store.enqueue([
          {
            eventId: id,
            webhookId: hook.id,
            kind: WEBHOOK_TEST_KIND,
            payload: eventBody(id, WEBHOOK_TEST_KIND, at, hook.spaceId, actor, {
              webhookId: hook.id,
            }),
            createdAt: at,
            notBefore: at,
          },
        ]);
        deliverer.kick();
        return id;
      },
      memberAdded: (spaceId, actor, userId, role) => {
        emitter.fire({ kind: 'member.added', spaceId, actor, data: { userId, role } });
      },
    },
    watch: (storage, docs) => watchForWebhooks(storage, emitter, docs),
    start: async () => {
      await emitter.refresh();
      deliverer.start();
    },
    close: () => deliverer.close(),
  };
}
