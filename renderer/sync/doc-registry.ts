import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, formatRoomName, type RoomName } from '../../shared/wire.ts';
import type { AppStore } from '../store/index.ts';
import { nextConnection, type ProviderSignal } from './connection.ts';
import { noteBody } from './note-doc.ts';
import { derivePeers, samePeers, type AwarenessUser } from './peers.ts';
import {
  MAX_UNAUTHORIZED_RETRIES,
  handlePermissionDenied,
  setToken,
  shouldReconnect,
  type RelayCredentials,
} from './relay-auth.ts';

/** One open document: the Y.Doc, its provider and the fragment the editor binds to. */
export interface DocHandle {
  /** `<spaceId>/<docId>`, also the key of this room's status in the store. */
  readonly key: string;
  readonly room: RoomName;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly body: Y.XmlFragment;
}

export interface DocRegistryOptions {
  /** WebSocket base URL of the relay (`AppInfo.relayUrl`). */
  readonly relayUrl: string;
  /** Where derived status goes. */
  readonly store: AppStore;
  /** Announced to others through awareness. */
  readonly user: AwarenessUser;
  /** Connect providers on open (default true). Unit tests open documents offline. */
  readonly connect?: boolean;
  /** How long an unused document stays open, so that a quick re-open does not reconnect. */
  readonly idleMs?: number;
  /**
   * Access tokens for the relay (issue 3 point 4). Without them connections
   * carry no token (a relay that does not authenticate).
   */
  readonly credentials?: RelayCredentials;
  /** The WebSocket class (tests script the relay's side with one). */
  readonly WebSocketPolyfill?: typeof WebSocket;
}

/**
 * Owns every Y.Doc and WebsocketProvider of the renderer, outside React
 * (handbook §1, §2.7). Components get a handle with `open` and keep it alive
 * with `retain`; the registry pushes connection state, sync state and the
 * people present into the store, where components read them by selector.
 */
export interface DocRegistry {
  /** The handle for `room`, created on first use. Idempotent while the room is open. */
  open(room: RoomName): DocHandle;
  /** Keeps `handle` open until the returned function is called. */
  retain(handle: DocHandle): () => void;
  /** Changes the name and colour shown to others in every open room. */
  setUser(user: AwarenessUser): void;
  /** Closes every document and connection. */
  destroy(): void;
}

interface Entry {
  readonly handle: DocHandle;
  refs: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
  readonly detach: () => void;
  open: boolean;
}

export function createDocRegistry(options: DocRegistryOptions): DocRegistry {
  const { relayUrl, store } = options;
  const idleMs = options.idleMs ?? 5_000;
  let user = options.user;
  const entries = new Map<string, Entry>();

  const credentials = options.credentials;
  const shouldConnect = options.connect ?? true;

  /**
   * Connects `entry` with a current token. The Y.Doc is kept across
   * connections, so edits made while disconnected reach the relay with the
   * next sync (y-websocket sends sync step 1 and answers with step 2).
   */
  async function connectWithToken(entry: Entry, forceRefresh: boolean): Promise<void> {
    const { provider, key } = entry.handle;
    if (credentials) {
      const result = await credentials
        .accessToken(forceRefresh ? { forceRefresh } : undefined)
        .catch(() => null);
      if (!entry.open) return;
      if (result === null) {
        store.getState().patchRoom(key, {
          closed: { code: CloseCode.Unauthorized, reason: 'not signed in' },
          connection: 'offline',
        });
        return;
      }
      setToken(provider, result.accessToken);
    }
    if (shouldConnect) provider.connect();
  }

  /** Before y-websocket's own reconnect (after its back-off), put a current token in place. */
  function refreshTokenQuietly(entry: Entry): void {
    if (!credentials) return;
    credentials
      .accessToken()
      .then((result) => {
        if (entry.open && result !== null) setToken(entry.handle.provider, result.accessToken);
      })
      .catch(() => undefined);
  }

  function attach(handle: DocHandle, entry: () => Entry): () => void {
    const { key, provider, doc } = handle;
    const { awareness } = provider;
    const patch = store.getState().patchRoom;
    let unauthorizedInARow = 0;

    const signal = (s: ProviderSignal): void => {
      const prev = store.getState().rooms[key]?.connection ?? 'connecting';
      const connection = nextConnection(prev, s);
      if (connection !== prev) patch(key, { connection });
    };
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      signal(status === 'disconnected' ? 'closed' : status);
    };
    const onClose = (event: CloseEvent | null) => {
      signal('closed');
      if (event === null || shouldReconnect(event)) refreshTokenQuietly(entry());
    };
    const onClosed = (event: { code: number; reason: string }) => {
      // 4401: the token expired or was refused; refresh it and reconnect,
      // but not forever (issue 3 point 4).
      if (
        event.code === CloseCode.Unauthorized &&
        credentials &&
        unauthorizedInARow < MAX_UNAUTHORIZED_RETRIES
      ) {
        unauthorizedInARow += 1;
        void connectWithToken(entry(), true);
        return;
      }
      patch(key, { closed: { code: event.code, reason: event.reason } });
    };
    const onSync = (synced: boolean) => {
      if (synced) unauthorizedInARow = 0;
      patch(key, synced ? { synced, firstSyncDone: true, closed: null } : { synced });
    };
    const onAwareness = () => {
      const peers = derivePeers(awareness.getStates(), doc.clientID);
      const prev = store.getState().rooms[key]?.peers ?? [];
      if (!samePeers(prev, peers)) patch(key, { peers });
    };

    provider.on('status', onStatus);
    provider.on('connection-close', onClose);
    provider.on('closed', onClosed);
    provider.on('sync', onSync);
    awareness.on('change', onAwareness);
    onAwareness();
    return () => {
      provider.off('status', onStatus);
      provider.off('connection-close', onClose);
      provider.off('closed', onClosed);
      provider.off('sync', onSync);
      awareness.off('change', onAwareness);
    };
  }

  function close(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entries.delete(key);
    entry.open = false;
    entry.detach();
    entry.handle.provider.destroy();
    entry.handle.doc.destroy();
    store.getState().removeRoom(key);
  }

  function scheduleIdleClose(entry: Entry): void {
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.refs === 0) close(entry.handle.key);
    }, idleMs);
  }

  return {
    open(room) {
      const key = formatRoomName(room);
      const existing = entries.get(key);
      if (existing) return existing.handle;

      const doc = new Y.Doc();
      store.getState().patchRoom(key, { connection: 'connecting' });
      const provider = new WebsocketProvider(relayUrl, key, doc, {
        connect: false,
        // The relay is the source of truth for "synced"; tabs do not sync
        // with each other behind its back.
        disableBc: true,
        shouldReconnect,
        ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      });
      handlePermissionDenied(provider, (reason) => {
        store.getState().patchRoom(key, { permissionDenied: reason });
      });
      provider.awareness.setLocalStateField('user', user);
      const handle: DocHandle = { key, room, doc, provider, body: noteBody(doc) };
      const entry: Entry = {
        handle,
        refs: 0,
        idleTimer: null,
        detach: attach(handle, () => entry),
        open: true,
      };
      entries.set(key, entry);
      // Opened during a render that React may discard: close it unless retained.
      scheduleIdleClose(entry);
      if (shouldConnect) void connectWithToken(entry, false);
      return handle;
    },

    retain(handle) {
      const entry = entries.get(handle.key);
      if (entry?.handle !== handle) {
        throw new Error(`retain: ${handle.key} is not open in this registry`);
      }
      entry.refs += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        entry.refs -= 1;
        if (entry.refs === 0) scheduleIdleClose(entry);
      };
    },

    setUser(next) {
      user = next;
      for (const { handle } of entries.values()) {
        handle.provider.awareness.setLocalStateField('user', next);
      }
    },

    destroy() {
      for (const key of [...entries.keys()]) close(key);
    },
  };
}
