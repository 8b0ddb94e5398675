import * as idb from 'lib0/indexeddb';

/**
 * Where the search index of one person is kept between page loads: one
 * IndexedDB database per person (the token's `sub`, URI-encoded like the
 * documents' own databases in renderer/sync/local-store.ts, so no `sub` can
 * reach another person's name), one record in it. The record holds note
 * texts, so it lives beside the notes, never in localStorage.
 */
export interface SnapshotStore {
  /** The stored record (JSON text), or null when there is none (or IndexedDB fails). */
  load(): Promise<string | null>;
  save(record: string): Promise<void>;
  /** Deletes the person's database (sign-out). */
  wipe(): Promise<void>;
}

const STORE = 'snapshot';
const KEY = 'current';

export function searchDbName(owner: string): string {
  return `commonplace-search/${encodeURIComponent(owner)}`;
}

async function withStore<T>(
  name: string,
  access: 'readonly' | 'readwrite',
  run: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const db = await idb.openDB(name, (db) => {
    idb.createStores(db, [[STORE]]);
  });
  try {
    const [store] = idb.transact(db, [STORE], access);
    if (store === undefined) throw new Error('search snapshot store missing');
    return await run(store);
  } finally {
    db.close();
  }
}

export function openSnapshotStore(owner: string): SnapshotStore {
  const name = searchDbName(owner);
  return {
    async load() {
      try {
        const value = await withStore(name, 'readonly', (store) => idb.get(store, KEY));
        return typeof value === 'string' ? value : null;
      } catch {
        return null; // unreadable: the caller rebuilds from the notes
      }
    },
    async save(record) {
      // One JSON string: a single structured-clone copy, parsed and validated on load.
      await withStore(name, 'readwrite', (store) => idb.put(store, record, KEY));
    },
    async wipe() {
      await idb.deleteDB(name);
    },
  };
}
