import * as idb from 'lib0/indexeddb';
import { seal, unseal, type LocalProtection } from '../sync/index.ts';

/**
 * Where the search index of one person is kept between page loads: one
 * IndexedDB database per person (the token's `sub`, URI-encoded like the
 * documents' own databases in renderer/sync/local-store.ts, so no `sub` can
 * reach another person's name), one record in it. The record holds note
 * texts, so it lives beside the notes, never in localStorage, and is
 * encrypted like them when the host gives a key (a database of its own,
 * `…#sealed`; a plain one left from before is deleted). Where the host
 * stores nothing (`none`), the index lasts as long as the page.
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

export function openSnapshotStore(
  owner: string,
  protection: Promise<LocalProtection> = Promise.resolve({ kind: 'plain' }),
): SnapshotStore {
  const plainName = searchDbName(owner);
  const sealedName = `${plainName}#sealed`;
  const label = `${sealedName}\u0000${STORE}/${KEY}`;
  return {
    async load() {
      try {
        const p = await protection;
        if (p.kind === 'none') {
          // Storing is no longer allowed (no key store, encryption required): no plain index stays.
          await idb.deleteDB(plainName);
          return null;
        }
        if (p.kind === 'plain') {
          const value = await withStore(plainName, 'readonly', (store) => idb.get(store, KEY));
          return typeof value === 'string' ? value : null;
        }
        // Note texts from before encryption must not stay behind in plain.
        await idb.deleteDB(plainName);
        const sealed: unknown = await withStore(sealedName, 'readonly', (store) =>
          idb.get(store, KEY),
        );
        if (sealed === undefined) return null;
        return new TextDecoder().decode(await unseal(p.key, sealed, label, sealedName));
      } catch {
        return null; // unreadable (or not ours to read): the caller rebuilds from the notes
      }
    },
    async save(record) {
      const p = await protection;
      if (p.kind === 'none') return;
      if (p.kind === 'plain') {
        // One JSON string: a single structured-clone copy, parsed and validated on load.
        await withStore(plainName, 'readwrite', (store) => idb.put(store, record, KEY));
        return;
      }
      const sealed = await seal(p.key, new TextEncoder().encode(record), label);
      await withStore(sealedName, 'readwrite', (store) =>
        idb.put(store, sealed as unknown as ArrayBuffer, KEY),
      );
    },
    async wipe() {
      await Promise.all([idb.deleteDB(plainName), idb.deleteDB(sealedName)]);
    },
  };
}
