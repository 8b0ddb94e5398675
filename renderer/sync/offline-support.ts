import type { AccessTokenResult } from '../../shared/auth.ts';
import type { RoomName } from '../../shared/wire.ts';
import {
  persistSealedSpaces,
  persistSpaces,
  selectSyncState,
  type AppStore,
} from '../store/index.ts';
import { createBackgroundSync } from './background-sync.ts';
import type { DocRegistry } from './doc-registry-api.ts';
import type { LocalProtection } from './local-store.ts';
import { openSealedValues } from './sealed-values.ts';

export interface OfflineSupportOptions {
  /** Where `online`/`offline` events come from, and localStorage. */
  readonly win: Window;
  readonly store: AppStore;
  readonly registry: DocRegistry;
  readonly relayUrl: string;
  readonly fetch: typeof fetch;
  readonly accessToken: () => Promise<AccessTokenResult | null>;
  /** The signed-in person's `sub`. */
  readonly owner: string;
  readonly titleOf?: (room: RoomName) => string | null;
  /** Spaces background sync leaves alone (online-only). */
  readonly skipSpace?: (spaceId: string) => boolean;
  /** How the person's data may be kept here: the spaces list (names) is sealed with a key. */
  readonly protection?: Promise<LocalProtection>;
}

/**
 * Wires offline support for one signed-in person: the network status in the store,
 * reconnecting everything when the network returns, the cached spaces
 * list, and background sync (with the after-reconnect report). Losing the
 * relay counts as offline even when the browser still has a network.
 * Returns the function that stops it all (sign-out, another person).
 */
export function startOfflineSupport(options: OfflineSupportOptions): () => void {
  const { win, store, registry } = options;
  const background = createBackgroundSync({
    registry,
    store,
    relayUrl: options.relayUrl,
    fetch: options.fetch,
    accessToken: options.accessToken,
    me: options.owner,
    ...(options.titleOf ? { titleOf: options.titleOf } : {}),
    ...(options.skipSpace ? { skipSpace: options.skipSpace } : {}),
  });
  const stopSpaces =
    options.protection === undefined
      ? persistSpaces(store, win.localStorage, options.owner)
      : persistSealedSpaces(
          store,
          openSealedValues(options.owner, options.protection, win.localStorage),
          win.localStorage,
          options.owner,
        );

  const online = () => {
    store.getState().setNetwork('online');
    registry.reconnectNow();
    void background.runNow();
  };
  const offline = () => {
    store.getState().setNetwork('offline');
    background.wentOffline();
  };
  store.getState().setNetwork(win.navigator.onLine ? 'online' : 'offline');
  win.addEventListener('online', online);
  win.addEventListener('offline', offline);

  const stopWatching = store.subscribe((state, prev) => {
    const now = selectSyncState(state);
    const before = selectSyncState(prev);
    if (now === 'offline' && before !== 'offline') background.wentOffline();
    if (now !== 'offline' && before === 'offline') void background.runNow();
    if (state.spaces.status === 'ready' && prev.spaces.status !== 'ready') {
      void background.runNow();
    }
  });

  return () => {
    background.stop();
    stopSpaces();
    stopWatching();
    win.removeEventListener('online', online);
    win.removeEventListener('offline', offline);
  };
}
