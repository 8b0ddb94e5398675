import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * A synchronous write-ahead journal of local edits, in front of y-indexeddb
 * (each local edit is written there before anything else).
 *
 * y-indexeddb queues each update in an IndexedDB transaction that commits
 * later; a reload or quit right after a keystroke closes the database and
 * aborts what has not committed, so the last edit made offline is lost — the
 * complaint users of comparable tools file most. localStorage writes are
 * synchronous, so each local update is journaled there first and removed once
 * IndexedDB holds it; opening the note applies whatever is still journaled
 * (Yjs updates are idempotent, so a replay of an update IndexedDB did keep is
 * harmless). Updates over `MAX_JOURNALED_BYTES` (large pastes) are left to
 * IndexedDB alone, so the journal stays far below the localStorage quota.
 */

/** The largest update journaled, in bytes (a keystroke is tens of bytes). */
export const MAX_JOURNALED_BYTES = 64 * 1024;

/** Origin of replayed updates, so they are not journaled again. */
const REPLAY = Symbol('edit-journal replay');

/**
 * The parts of y-indexeddb's `IndexeddbPersistence` the journal needs, typed
 * structurally so that Node-side code (benchmarks) can compile this module.
 */
export interface PersistenceLike {
  /** The IndexedDB database once open; null before. */
  readonly db: {
    transaction(
      stores: string[],
      mode: 'readonly',
    ): { oncomplete: ((event: never) => unknown) | null };
  } | null;
  readonly whenSynced: Promise<unknown>;
}

/** The parts of `localStorage` the journal uses. */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface EditJournal {
  /** Entries not yet confirmed in IndexedDB. */
  size(): number;
  /** Resolves once every entry journaled so far is confirmed and removed. */
  settled(): Promise<void>;
  destroy(): void;
}

export interface EditJournalOptions {
  /** Whether an update came from elsewhere (the relay, IndexedDB itself): not journaled. */
  readonly isRemote: (origin: unknown) => boolean;
  readonly storage: JournalStorage;
}

/** The journal of `doc`, stored under keys `<name>#journal:<clientID>:<seq>`. */
export function openEditJournal(
  name: string,
  doc: Y.Doc,
  persistence: PersistenceLike,
  options: EditJournalOptions,
): EditJournal {
  const { storage } = options;
  const prefix = `${name}#journal:`;
  const own = `${prefix}${doc.clientID}:`;
  const waiting = new Set<string>();
  let seq = 0;
  let batch: string[] | null = null;
  let destroyed = false;
  let settledWaiters: (() => void)[] = [];

  const settleCheck = () => {
    if (waiting.size > 0) return;
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const resolve of waiters) resolve();
  };

  /**
   * Removes `keys` once IndexedDB has committed everything queued before now:
   * a transaction on the same store created later starts only after the
   * earlier read-write ones have finished (IndexedDB 3.0, transaction scheduling).
   */
  const confirm = (keys: readonly string[]) => {
    const whenOpen = persistence.db ? Promise.resolve() : persistence.whenSynced;
    void whenOpen.then(() => {
      const db = persistence.db;
      if (destroyed || db === null) return;
      try {
        const tx = db.transaction(['updates'], 'readonly');
        tx.oncomplete = () => {
          for (const key of keys) {
            storage.removeItem(key);
            waiting.delete(key);
          }
          settleCheck();
        };
      } catch {
        // The database closed (the note was closed): the entries stay and are
        // replayed next time, which is exactly what they are for.
      }
    });
  };

  // Replay what an earlier session journaled but may not have stored.
  const leftovers: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) leftovers.push(key);
  }
  for (const key of leftovers) {
    const value = storage.getItem(key);
    try {
      if (value !== null) Y.applyUpdate(doc, fromBase64(value), REPLAY);
    } catch {
      // A corrupt entry cannot be applied; it is dropped rather than retried forever.
    }
    waiting.add(key);
  }
  if (leftovers.length > 0) confirm(leftovers);

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === REPLAY || options.isRemote(origin)) return;
    if (update.byteLength > MAX_JOURNALED_BYTES) return;
    const key = `${own}${seq++}`;
    try {
      storage.setItem(key, toBase64(update));
    } catch {
      return; // quota: IndexedDB alone then, as without a journal
    }
    waiting.add(key);
    // One confirming transaction per burst of updates (a paste, a fast typist)
    // rather than per keystroke: created after all of the burst's writes, it
    // still completes only after every one of them.
    if (batch === null) {
      batch = [];
      queueMicrotask(() => {
        const keys = batch ?? [];
        batch = null;
        confirm(keys);
      });
    }
    batch.push(key);
  };
  doc.on('update', onUpdate);

  return {
    size: () => waiting.size,
    settled: () =>
      new Promise<void>((resolve) => {
        settledWaiters.push(resolve);
        settleCheck();
      }),
    destroy() {
      destroyed = true;
      doc.off('update', onUpdate);
    },
  };
}
