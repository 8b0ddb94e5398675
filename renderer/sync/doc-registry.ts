import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, FATAL_CLOSE_CODES, formatRoomName, type RoomName } from '../../shared/wire.ts';
import type { AppStore } from '../store/index.ts';
import { nextConnection, type ProviderSignal } from './connection.ts';
import { noteBody } from './note-doc.ts';
import { derivePeers, samePeers, type AwarenessUser } from './peers.ts';

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
}

/**
 * Close codes after which retrying cannot help. 4401 joins them until sign-in
 * (issue 3) can refresh the token before reconnecting; 4429 (overloaded) and
 * 1xxx codes are retried with y-websocket's exponential back-off.
 */
function shouldReconnect(event: CloseEvent): boolean {
  return !FATAL_CLOSE_CODES.has(event.code) && event.code !== CloseCode.Unauthorized;
}

export function createDocRegistry(options: DocRegistryOptions): DocRegistry {
  const { relayUrl, store } = options;
  const idleMs = options.idleMs ?? 5_000;
  let user = options.user;
  const entries = new Map<string, Entry>();

  function attach(handle: DocHandle): () => void {
    const { key, provider, doc } = handle;
    const { awareness } = provider;
    const patch = store.getState().patchRoom;

    const signal = (s: ProviderSignal): void => {
      const prev = store.getState().rooms[key]?.connection ?? 'connecting';
      const connection = nextConnection(prev, s);
      if (connection !== prev) patch(key, { connection });
    };
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      signal(status === 'disconnected' ? 'closed' : status);
    };
    const onClose = () => {
      signal('closed');
    };
    const onClosed = (event: { code: number; reason: string }) => {
      patch(key, { closed: { code: event.code, reason: event.reason } });
    };
    const onSync = (synced: boolean) => {
      patch(key, synced ? { synced, firstSyncDone: true } : { synced });
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
      });
      provider.awareness.setLocalStateField('user', user);
      const handle: DocHandle = { key, room, doc, provider, body: noteBody(doc) };
      const entry: Entry = { handle, refs: 0, idleTimer: null, detach: attach(handle) };
      entries.set(key, entry);
      // Opened during a render that React may discard: close it unless retained.
      scheduleIdleClose(entry);
      if (options.connect ?? true) provider.connect();
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
