import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { CloseCode, formatRoomName, type RoomName } from '../../shared/wire.ts';
import { createKnownDocs, type KnownDocs } from './known-docs.ts';
import type { EditJournalOptions } from './edit-journal.ts';
import type { DocHandle, DocRegistry, DocRegistryOptions } from './doc-registry-api.ts';
import { LocalDataUnreadableError } from './local-crypto.ts';
import { deleteLocalStore, localDbName, openLocalStore, type LocalStore } from './local-store.ts';
import { noteBody } from './note-doc.ts';
import { trackPending, type PendingTracker } from './pending-tracker.ts';
import { manageReconnect, type Reconnector } from './reconnect.ts';
import { handlePermissionDenied, setToken, shouldReconnect } from './relay-auth.ts';
import { attachRoomStatus } from './room-status.ts';
import { createSocketPool, MAX_SOCKETS } from './socket-pool.ts';

interface Entry {
  readonly handle: DocHandle;
  refs: number;
  background: boolean;
  idleTimer: ReturnType<typeof setTimeout> | null;
  detach: () => void;
  open: boolean;
  /** The pool granted a socket. */
  wanted: boolean;
  localLoaded: boolean;
  readonly local: LocalStore | null;
  readonly pending: PendingTracker;
  readonly reconnect: Reconnector;
}

function stillWanted(entry: Entry): boolean {
  return entry.open && entry.wanted;
}

export function createDocRegistry(options: DocRegistryOptions): DocRegistry {
  const { relayUrl, store } = options;
  const relayUrls = options.relayUrls ?? [relayUrl];
  /** The relay a document last synced with: new documents try it first. */
  let working = relayUrl;
  const relayOrder = (): string[] => {
    const at = Math.max(0, relayUrls.indexOf(working));
    return [...relayUrls.slice(at), ...relayUrls.slice(0, at)];
  };
  const idleMs = options.idleMs ?? 5_000;
  const backgroundIdleMs = options.backgroundIdleMs ?? 1_000;
  let user = options.user;
  const entries = new Map<string, Entry>();
  const pool = createSocketPool(options.maxSockets ?? MAX_SOCKETS);
  const credentials = options.credentials;
  const shouldConnect = options.connect ?? true;
  let owner: string | null = options.localStore?.owner ?? null;
  const knownFor = (who: string | null): KnownDocs | null =>
    options.localStore && who !== null ? createKnownDocs(options.localStore.storage, who) : null;
  let known = knownFor(owner);
  const support = { relayState: true };
  const title = (room: RoomName) => options.titleOf?.(room) ?? room.docId;
  const docListeners = new Set<(handle: DocHandle) => void>();

  /**
   * Connects `entry` with a current token. The Y.Doc is kept across
   * connections, so edits made while disconnected reach the relay with the
   * next sync (y-websocket sends sync step 1 and answers with step 2).
   */
  async function connectWithToken(entry: Entry, forceRefresh: boolean): Promise<void> {
    const { provider, key } = entry.handle;
    if (!entry.wanted || !entry.localLoaded) return;
    if (credentials) {
      const result = await credentials
        .accessToken(forceRefresh ? { forceRefresh } : undefined)
        .catch(() => null);
      // The await may have let the pool take the slot back or the doc close.
      if (!stillWanted(entry)) return;
      if (result === null && store.getState().session?.status === 'signed-in') {
        // Signed in, but no token now (offline past its expiry; the IdP is
        // unreachable): not a refusal. Try again later; editing goes on.
        store.getState().patchRoom(key, { connection: 'offline' });
        entry.reconnect.later();
        return;
      }
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

  function remember(entry: Entry): void {
    known?.update(entry.handle.key, Y.encodeStateVector(entry.handle.doc), entry.pending.dirty());
  }

  /** Edits the relay refused while they were made offline: kept, and the person is told. */
  function refused(entry: Entry, reason: string): void {
    if (!entry.pending.dirty()) return;
    store
      .getState()
      .addRefused({ roomKey: entry.handle.key, title: title(entry.handle.room), reason });
  }

  function close(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entries.delete(key);
    if (entry.localLoaded) remember(entry);
    entry.open = false;
    entry.wanted = false;
    entry.detach();
    entry.reconnect.destroy();
    entry.pending.destroy();
    entry.handle.provider.destroy();
    // Destroying the doc also stops its local store; the stored data stays.
    entry.handle.doc.destroy();
    store.getState().removeRoom(key);
    // Only now, with the socket closed, may another document take the slot.
    pool.release(key);
  }

  /** Closes `entry` after `ms` if nobody needs it then. */
  function scheduleIdleClose(entry: Entry, ms = idleMs): void {
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.refs > 0) return;
      // Unsynced edits keep the doc open in the background until the relay
      // has them (or refuses them); a refused room has nothing more to do.
      const refusedRoom = store.getState().rooms[entry.handle.key]?.closed != null;
      if (entry.pending.dirty() && !refusedRoom) {
        entry.background = true;
        requestSocket(entry);
        return;
      }
      close(entry.handle.key);
    }, ms);
  }

  function requestSocket(entry: Entry): void {
    pool.request(
      entry.handle.key,
      entry.refs > 0 || !entry.background,
      () => {
        entry.wanted = true;
        void connectWithToken(entry, false);
      },
      () => {
        entry.wanted = false;
        entry.reconnect.cancel();
        entry.handle.provider.disconnect();
      },
    );
  }

  /** A background doc is done once synced with nothing unconfirmed (or the relay cannot tell). */
  function backgroundCheck(entry: Entry): void {
    if (!entry.background || entry.refs > 0 || !entry.handle.provider.synced) return;
    const count = entry.pending.count();
    if (count === 0 || (count === null && !entry.pending.dirty())) {
      scheduleIdleClose(entry, backgroundIdleMs);
    } else {
      // An old relay never answers RelayState: give the slot back after a while.
      scheduleIdleClose(entry, backgroundIdleMs * 5);
    }
  }

  /** How `who`'s notes may be kept here (the host's answer); plain y-indexeddb without one. */
  function protectionOf(who: string) {
    return options.localStore?.protection?.(who);
  }

  /** Edits that reach the doc from a relay connection are the relay's, not ours to journal. */
  function journalOptions(): EditJournalOptions | undefined {
    const storage = options.localStore?.journal;
    if (storage === undefined) return undefined;
    return { storage, isRemote: (origin) => origin instanceof WebsocketProvider };
  }

  function create(room: RoomName, key: string, background: boolean): Entry {
    const doc = new Y.Doc();
    // The local store first: its update listener runs before the provider's.
    const local =
      owner !== null && (options.keepLocal?.(room) ?? true)
        ? openLocalStore(localDbName(owner, key), doc, journalOptions(), protectionOf(owner))
        : null;
    store.getState().patchRoom(key, { connection: 'connecting', localLoaded: local === null });
    const order = relayOrder();
    const provider = new WebsocketProvider(order[0] ?? relayUrl, key, doc, {
      connect: false,
      // The relay is the source of truth for "synced"; tabs do not sync
      // with each other behind its back.
      disableBc: true,
      shouldReconnect,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    provider.awareness.setLocalStateField('user', user);
    const handle: DocHandle = { key, room, doc, provider, body: noteBody(doc) };
    // eslint-disable-next-line prefer-const -- assigned once the entry exists
    let entry: Entry;
    const pending = trackPending(
      doc,
      provider,
      local,
      (count) => {
        store.getState().setPending(key, count);
        if (entry.localLoaded) remember(entry);
        backgroundCheck(entry);
      },
      support,
    );
    const reconnect = manageReconnect(provider, {
      wanted: () => entry.open && entry.wanted,
      connect: () => void connectWithToken(entry, false),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      relayUrls: order,
      onWorking: (url) => {
        working = url;
      },
    });
    entry = {
      handle,
      refs: 0,
      background,
      idleTimer: null,
      detach: () => undefined,
      open: true,
      wanted: false,
      localLoaded: local === null,
      local,
      pending,
      reconnect,
    };
    handlePermissionDenied(provider, (reason) => {
      store.getState().patchRoom(key, { permissionDenied: reason });
      refused(entry, reason === READ_ONLY_REASON ? 'you are now a viewer in this space' : reason);
    });
    entry.detach = attachRoomStatus(handle, store, {
      credentials,
      reconnectWithFreshToken: () => void connectWithToken(entry, true),
      onSynced: () => {
        reconnect.reset();
        void local?.set('relaySynced', true).catch(() => undefined);
        // The relay may have purged this note's history (retention, a legal purge): keep no
        // older version here either, only the state just synced and what is not yet sent.
        void local?.compact().catch(() => undefined);
        pending.ask();
        remember(entry);
        backgroundCheck(entry);
      },
      onMalformed: () => {
        // A relay older than RelayState does not know RelayState and closes the
        // socket with 4400 when it gets one: stop asking (the count stays
        // unknown, never a guessed zero) and reconnect without it.
        if (!pending.awaitingAnswer() || !support.relayState) return false;
        support.relayState = false;
        void connectWithToken(entry, false);
        return true;
      },
      onRefused: (code, reason) => {
        if (code === CloseCode.Forbidden)
          refused(entry, reason || 'you no longer have access to this space');
        if (entry.background && entry.refs === 0) scheduleIdleClose(entry, 0);
      },
    });
    return entry;
  }

  async function loadLocal(entry: Entry, created: boolean): Promise<void> {
    const { local, handle } = entry;
    if (!local) {
      await entry.pending.load();
      return;
    }
    if (created) await local.set('createdLocally', true).catch(() => undefined);
    await local.loaded;
    const [synced, made] = await Promise.all([
      local.get('relaySynced').catch(() => null),
      local.get('createdLocally').catch(() => null),
    ]);
    await entry.pending.load();
    if (!entry.open) return;
    entry.localLoaded = true;
    store.getState().patchRoom(handle.key, {
      localLoaded: true,
      knownLocally: synced === true || made === true,
    });
    remember(entry);
    if (entry.wanted) void connectWithToken(entry, false);
  }

  function openEntry(room: RoomName, background: boolean, created: boolean): Entry {
    const key = formatRoomName(room);
    const existing = entries.get(key);
    if (existing) {
      if (!background) existing.background = false;
      return existing;
    }
    const entry = create(room, key, background);
    entries.set(key, entry);
    for (const listener of docListeners) listener(entry.handle);
    void loadLocal(entry, created).catch((error: unknown) => {
      // IndexedDB unavailable (private mode, quota), or a local copy that does
      // not decrypt (left untouched): fall back to the relay only.
      if (error instanceof LocalDataUnreadableError) console.warn(error.message);
      if (!entry.open) return;
      entry.localLoaded = true;
      store.getState().patchRoom(key, { localLoaded: true });
      if (entry.wanted) void connectWithToken(entry, false);
    });
    requestSocket(entry);
    return entry;
  }

  // Docs with changes the relay had not confirmed when the page closed:
  // reopen them so they sync and count.
  function reopenDirty(): void {
    for (const key of known?.dirtyRooms() ?? []) {
      const [spaceId, docId] = key.split('/');
      if (spaceId !== undefined && docId !== undefined) {
        openEntry({ spaceId, docId }, true, false);
      }
    }
  }
  reopenDirty();

  return {
    open(room, openOptions) {
      const entry = openEntry(room, false, openOptions?.created === true);
      if (openOptions?.created === true) {
        store.getState().patchRoom(entry.handle.key, { knownLocally: true });
      }
      requestSocket(entry);
      // Opened during a render that React may discard: close it unless retained.
      if (entry.refs === 0) scheduleIdleClose(entry);
      return entry.handle;
    },

    retain(handle) {
      const entry = entries.get(handle.key);
      if (entry?.handle !== handle) {
        throw new Error(`retain: ${handle.key} is not open in this registry`);
      }
      entry.refs += 1;
      requestSocket(entry);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        entry.refs -= 1;
        if (entry.refs === 0) scheduleIdleClose(entry);
      };
    },

    syncInBackground(room) {
      const entry = openEntry(room, true, false);
      backgroundCheck(entry);
    },

    knownStateVector: (room) => known?.stateVector(formatRoomName(room)) ?? null,

    async readLocal(room) {
      const doc = new Y.Doc();
      const open = entries.get(formatRoomName(room));
      if (open) Y.applyUpdate(doc, Y.encodeStateAsUpdate(open.handle.doc));
      if (owner !== null && (options.keepLocal?.(room) ?? true)) {
        const local = openLocalStore(
          localDbName(owner, formatRoomName(room)),
          doc,
          undefined,
          protectionOf(owner),
        );
        await local.loaded;
        await local.destroy();
      }
      return doc;
    },

    knownRooms: () => known?.rooms() ?? [],

    async purgeLocal(room) {
      const key = formatRoomName(room);
      // Closing it would leave its editor on a destroyed doc, read-only and
      // "loading" for good. The relay refuses a room it purged, and the next
      // background round deletes the copy once the note is closed.
      if ((entries.get(key)?.refs ?? 0) > 0) return;
      close(key);
      known?.forget(key);
      if (owner !== null) await deleteLocalStore(localDbName(owner, key));
    },

    observeDocs(listener) {
      docListeners.add(listener);
      for (const entry of entries.values()) listener(entry.handle);
      return () => {
        docListeners.delete(listener);
      };
    },

    reconnectNow() {
      for (const entry of entries.values()) entry.reconnect.now();
    },

    setUser(next) {
      user = next;
      for (const { handle } of entries.values()) {
        handle.provider.awareness.setLocalStateField('user', next);
      }
    },

    activeSockets: () => pool.active(),

    setOwner(next) {
      for (const key of [...entries.keys()]) close(key);
      if (next === owner) return;
      owner = next;
      known = knownFor(next);
      reopenDirty();
    },

    destroy() {
      for (const key of [...entries.keys()]) close(key);
    },
  };
}
