import type * as Y from 'yjs';
import { textFromNoteDoc, type NoteHit } from '../../shared/search/index.ts';
import type { AppStore } from '../store/index.ts';
import type { DocRegistry } from '../sync/index.ts';
import { createChangeQueue, INDEX_DOC, readerOf, watchDoc } from './change-queue.ts';
import {
  applyNote,
  applyPages,
  forgetSpace,
  loadOwnerIndex,
  serializeOwnerIndex,
  spacesOf,
  vectorOf,
  type OwnerIndex,
} from './owner-index.ts';
import { pagesOf } from './page-titles.ts';
import { idleScheduler, type Scheduler } from './schedule.ts';
import { openSnapshotStore, type SnapshotStore } from './snapshot-store.ts';

/** The local search of the signed-in person. See README.md. */
export interface SearchService {
  /** Ranked hits in the person's current spaces; [] until the index has loaded. No network. */
  search(query: string, options?: { readonly limit?: number }): NoteHit[];
  /** Changes whenever the index or its readiness changes (for useSyncExternalStore). */
  readonly version: () => number;
  /** True once the person's persisted index is loaded (or found missing). */
  ready(): boolean;
  readonly subscribe: (listener: () => void) => () => void;
  /**
   * Switches to another person's index (null: nobody). The previous person's
   * index is saved first. Resolves when the new one is loaded.
   */
  setOwner(owner: string | null): Promise<void>;
  /**
   * Spaces whose notes must have no copy on this device (classified online
   * only): their text leaves the index, in memory and on disk, and is never
   * indexed again while they stay listed here.
   */
  setOnlineOnly(spaceIds: readonly string[]): void;
  /** Sign-out: forgets the current person's index, in memory and on disk. */
  signOut(): Promise<void>;
  /** Indexes everything pending now, reads pending local rooms, then saves (tests, shutdown). */
  flush(): Promise<void>;
  destroy(): void;
}

export interface SearchServiceOptions {
  readonly registry: Pick<
    DocRegistry,
    'observeDocs' | 'knownRooms' | 'knownStateVector' | 'readLocal'
  >;
  /** The spaces list (results are limited to the person's spaces). */
  readonly store: AppStore;
  readonly openSnapshots?: (owner: string) => SnapshotStore;
  readonly schedule?: Scheduler;
  /** Delay before the index is saved after a change (default 1 s). */
  readonly persistDelayMs?: number;
  readonly now?: () => number;
}

interface Session {
  readonly owner: string;
  readonly snapshots: SnapshotStore;
  owned: OwnerIndex | null;
  closed: boolean;
  persistTimer: ReturnType<typeof setTimeout> | null;
  saving: Promise<void>;
  reading: Promise<void> | null;
}

function splitKey(key: string): { spaceId: string; docId: string } {
  const at = key.indexOf('/');
  return { spaceId: key.slice(0, at), docId: key.slice(at + 1) };
}

export function createSearchService(options: SearchServiceOptions): SearchService {
  const { registry, store } = options;
  const schedule = options.schedule ?? idleScheduler();
  const openSnapshots = options.openSnapshots ?? openSnapshotStore;
  const persistDelayMs = options.persistDelayMs ?? 1_000;
  const now = options.now ?? Date.now;
  const listeners = new Set<() => void>();
  let version = 0;
  let session: Session | null = null;
  const queue = createChangeQueue();
  const { openDocs, dirtyNotes, dirtyIndexes, toRead } = queue;
  let cancelFlush: (() => void) | null = null;
  let onlineOnly: ReadonlySet<string> = new Set();
  const excluded = (key: string): boolean => onlineOnly.has(splitKey(key).spaceId);

  function notify(): void {
    version += 1;
    for (const listener of listeners) listener();
  }

  function persistSoon(s: Session): void {
    if (s.persistTimer !== null) return;
    s.persistTimer = setTimeout(() => {
      s.persistTimer = null;
      void persist(s);
    }, persistDelayMs);
  }

  function persist(s: Session): Promise<void> {
    if (s.persistTimer !== null) clearTimeout(s.persistTimer);
    s.persistTimer = null;
    const owned = s.owned;
    if (owned === null || s.closed) return s.saving;
    s.saving = s.saving
      .then(() => s.snapshots.save(serializeOwnerIndex(owned)))
      .catch(() => undefined); // quota, private mode: search works, only cold start is slower
    return s.saving;
  }

  function changed(s: Session): void {
    notify();
    persistSoon(s);
  }

  /** A page's title or visibility changed: index its note again. */
  function refresh(s: Session, key: string, known: ReadonlySet<string>): void {
    const doc = openDocs.get(key);
    if (doc) dirtyNotes.set(key, readerOf(doc));
    else if (known.has(key) || s.owned?.index.has(splitKey(key).spaceId, splitKey(key).docId))
      toRead.add(key);
    // Never stored here (an empty page, or not synced yet): its title alone.
    else dirtyNotes.set(key, () => ({ body: { title: '', text: '' }, vector: '' }));
  }

  function indexPages(s: Session, owned: OwnerIndex, key: string, doc: Y.Doc): boolean {
    const { spaceId } = splitKey(key);
    const changes = applyPages(owned, spaceId, pagesOf(doc), vectorOf(doc));
    const known = new Set(registry.knownRooms());
    for (const change of changes) refresh(s, `${spaceId}/${change.docId}`, known);
    return changes.length > 0;
  }

  function flushNow(s: Session | null = session): void {
    cancelFlush?.();
    cancelFlush = null;
    const owned = s?.owned;
    if (!s || !owned) return;
    let any = false;
    // Pages first, so notes get their current titles.
    for (const [key, doc] of [...dirtyIndexes]) {
      dirtyIndexes.delete(key);
      if (excluded(key)) continue;
      any = indexPages(s, owned, key, doc) || any;
    }
    for (const [key, read] of [...dirtyNotes]) {
      dirtyNotes.delete(key);
      if (excluded(key)) continue;
      const { body, vector } = read();
      any = applyNote(owned, splitKey(key), body, vector, now()) || any;
    }
    if (any) changed(s);
    if (toRead.size > 0) void readPending(s);
  }

  function flushSoon(): void {
    cancelFlush ??= schedule(() => {
      flushNow();
    });
  }

  /** Reads rooms from the local store, one at a time (IndexedDB, not the network). */
  function readPending(s: Session): Promise<void> {
    s.reading ??= (async () => {
      for (const key of toRead) {
        toRead.delete(key);
        if (excluded(key)) continue;
        const room = splitKey(key);
        const doc = await registry.readLocal(room).catch(() => null);
        const owned = s.owned;
        if (s.closed || owned === null || doc === null) {
          doc?.destroy();
          continue;
        }
        const vector = knownVector(key) ?? vectorOf(doc);
        const did =
          room.docId === INDEX_DOC
            ? indexPages(s, owned, key, doc)
            : applyNote(owned, room, textFromNoteDoc(doc), vector, now());
        if (room.docId === INDEX_DOC) owned.vectors.set(key, vector);
        doc.destroy();
        if (did) changed(s);
        if (dirtyNotes.size > 0 || dirtyIndexes.size > 0) flushSoon();
      }
    })().finally(() => {
      s.reading = null;
    });
    return s.reading;
  }

  function knownVector(key: string): string | null {
    const sv = registry.knownStateVector(splitKey(key));
    if (sv === null) return null;
    let binary = '';
    for (const byte of sv) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  /** After loading: every stored room whose state differs from when it was indexed. */
  function catchUp(s: Session, owned: OwnerIndex): void {
    for (const key of registry.knownRooms()) {
      if (knownVector(key) !== (owned.vectors.get(key) ?? null)) toRead.add(key);
    }
    forgetLeftSpaces();
    flushNow(s);
  }

  /** Removes spaces the person left (once the relay's list is in) and online-only ones. */
  function forgetLeftSpaces(): void {
    const owned = session?.owned;
    const { spaces } = store.getState();
    if (!session || !owned) return;
    const ready = spaces.status === 'ready';
    const mine = new Set(spaces.items.map((space) => space.id));
    let any = false;
    for (const spaceId of spacesOf(owned)) {
      const gone = (ready && !mine.has(spaceId)) || onlineOnly.has(spaceId);
      if (gone) any = forgetSpace(owned, spaceId) || any;
    }
    if (any) changed(session);
  }
  const stopSpaces = store.subscribe((state, prev) => {
    if (state.spaces !== prev.spaces) forgetLeftSpaces();
  });

  const stopDocs = registry.observeDocs((handle) => {
    watchDoc(handle, queue, flushSoon);
  });

  async function close(s: Session): Promise<void> {
    flushNow(s);
    await persist(s);
    s.closed = true;
    if (s.persistTimer !== null) clearTimeout(s.persistTimer);
    queue.clear();
  }

  return {
    search(query, searchOptions) {
      const owned = session?.owned;
      if (!owned) return [];
      const items = store.getState().spaces.items;
      return owned.index.search(query, {
        ...(searchOptions?.limit !== undefined ? { limit: searchOptions.limit } : {}),
        ...(items.length > 0 ? { spaceIds: items.map((space) => space.id) } : {}),
      });
    },
    version: () => version,
    setOnlineOnly(spaceIds) {
      onlineOnly = new Set(spaceIds);
      forgetLeftSpaces();
    },
    ready: () => session?.owned != null,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async setOwner(owner) {
      if (session?.owner === owner) return;
      const previous = session;
      session = null;
      if (previous) await close(previous);
      notify();
      if (owner === null) return;
      const s: Session = {
        owner,
        snapshots: openSnapshots(owner),
        owned: null,
        closed: false,
        persistTimer: null,
        saving: Promise.resolve(),
        reading: null,
      };
      session = s;
      const owned = await loadOwnerIndex(s.snapshots);
      if (session !== s) return;
      s.owned = owned;
      notify();
      catchUp(s, owned);
    },
    async signOut() {
      const s = session;
      session = null;
      if (!s) return;
      s.closed = true;
      if (s.persistTimer !== null) clearTimeout(s.persistTimer);
      queue.clear();
      s.owned = null;
      notify();
      await s.saving;
      await s.reading;
      await s.snapshots.wipe().catch(() => undefined);
    },
    async flush() {
      const s = session;
      if (!s) return;
      flushNow(s);
      while (s.reading !== null || toRead.size > 0) {
        await (s.reading ?? readPending(s));
        flushNow(s);
      }
      await persist(s);
    },
    destroy() {
      stopDocs();
      stopSpaces();
      cancelFlush?.();
      const s = session;
      session = null;
      if (s) void close(s);
    },
  };
}
