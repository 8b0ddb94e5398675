/**
 * Opens outgoing webhooks for `startRelay`: the store on the relay's
 * backend (the shared PostgreSQL database, or `webhooks.sqlite` in the data
 * directory) and the service with its settings.
 */
import type { RelayStores } from '../db/stores.ts';
import type { Logger } from '../log.ts';
import {
  DEFAULT_WEBHOOK_SETTINGS,
  createWebhookService,
  type WebhookService,
  type WebhookSettings,
} from './service.ts';
import { SqliteWebhookStore } from './sqlite-webhook-store.ts';

export interface RelayWebhooks extends WebhookService {
  /** Stops delivering and closes a store of its own (a shared pool is closed with the other stores). */
  shutdown(): Promise<void>;
}

export function openRelayWebhooks(options: {
  readonly dataDir: string;
  readonly pgStores: RelayStores | null;
  readonly settings: Partial<WebhookSettings> | undefined;
  readonly version: string;
  readonly log: Logger;
}): RelayWebhooks {
  const own =
    options.pgStores === null ? new SqliteWebhookStore({ dataDir: options.dataDir }) : null;
  const store = options.pgStores?.webhooks ?? own;
  if (store === null) throw new Error('no webhook store');
  const service = createWebhookService({
    store,
    log: options.log,
    settings: { ...DEFAULT_WEBHOOK_SETTINGS, ...options.settings },
    version: options.version,
  });
  return {
    ...service,
    shutdown: async () => {
      await service.close();
      own?.close();
    },
  };
}
