/**
 * Opens notifications for `startRelay`: the store on the relay's backend
 * (the shared PostgreSQL database, or `notifications.sqlite` in the data
 * directory), the service, the note watcher and the due scan.
 */
import type { RelayStores } from '../db/stores.ts';
import type { Fanout } from '../fanout/types.ts';
import type { Logger } from '../log.ts';
import type { SpaceStore } from '../spaces/types.ts';
import { startDueScan } from './due-scan.ts';
import { NotificationWatch } from './doc-watch.ts';
import { NotificationService } from './service.ts';
import { SqliteNotificationStore } from './sqlite-store.ts';

export interface NotificationSettingsOptions {
  /** Quiet time after a note's last update before it is read for notifications; 500 ms. */
  readonly debounceMs?: number;
  /** How often the due scan runs; every 15 minutes by default. */
  readonly dueScanIntervalMs?: number;
  /** Called after each finished due scan: tests wait for scans rather than for time. */
  readonly onDueScan?: () => void;
}

export interface RelayNotifications {
  readonly service: NotificationService;
  readonly watch: NotificationWatch;
  /** Evaluates pending notes (call before rooms unload), stops the scan, closes an own store. */
  shutdown(): Promise<void>;
}

export function openRelayNotifications(options: {
  readonly dataDir: string;
  readonly pgStores: RelayStores | null;
  readonly fanout: Fanout;
  readonly spaces: SpaceStore;
  readonly now: () => number;
  readonly log: Logger;
  readonly settings: NotificationSettingsOptions | undefined;
}): RelayNotifications {
  const own =
    options.pgStores === null ? new SqliteNotificationStore({ dataDir: options.dataDir }) : null;
  const store = options.pgStores?.notifications ?? own;
  if (store === null) throw new Error('no notification store');
  const service = new NotificationService({
    store,
    fanout: options.fanout,
    spaces: options.spaces,
    now: options.now,
    log: options.log,
  });
  const watch = new NotificationWatch(service, options.settings?.debounceMs ?? 500);
  const scan = startDueScan(
    service,
    options.settings?.dueScanIntervalMs ?? 15 * 60 * 1000,
    options.now,
    options.settings?.onDueScan,
  );
  return {
    service,
    watch,
    shutdown: async () => {
      await watch.flush();
      await scan.stop();
      own?.close();
    },
  };
}
