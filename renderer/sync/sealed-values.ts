import * as idb from 'lib0/indexeddb';
import { seal, unseal } from './local-crypto.ts';
import type { LocalProtection } from './local-store.ts';

/**
 * Small named values of one person that say something about them (the
 * spaces list with its names), kept like their notes: sealed with the
 * person's key in IndexedDB (`commonplace/<sub>/values#sealed`, so the wipe's
 * prefix finds it), in the page's memory where the host stores nothing, and
 * in `fallback` (localStorage) only where storage is plain anyway (the web
 * client, or the administrator's `localDataEncryption: preferred`).
 */
export interface SealedValues {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  /** Whether the values go to the plain fallback itself (nothing to move out of it). */
  readonly inFallback: Promise<boolean>;
}

const STORE = 'values';

/** The database of `owner`'s sealed values. */
export function sealedValuesDbName(owner: string): string {
  return `commonplace/${encodeURIComponent(owner)}/values#sealed`;
}

export interface PlainValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function openSealedValues(
  owner: string,
  protection: Promise<LocalProtection>,
  fallback: PlainValueStorage,
): SealedValues {
  const dbName = sealedValuesDbName(owner);
  const label = (name: string) => `${dbName}\u0000${STORE}/${name}`;
  const memory = new Map<string, string>();
  const withStore = async <T>(
    access: 'readonly' | 'readwrite',
    run: (store: IDBObjectStore) => Promise<T>,
  ): Promise<T> => {
    const db = await idb.openDB(dbName, (db) => {
      idb.createStores(db, [[STORE]]);
    });
    try {
      const [store] = idb.transact(db, [STORE], access);
      if (store === undefined) throw new Error('sealed values store missing');
      return await run(store);
    } finally {
      db.close();
    }
  };
  return {
    inFallback: protection.then((p) => p.kind === 'plain'),
    async get(name) {
      const p = await protection;
      if (p.kind === 'plain') return fallback.getItem(name);
      if (p.kind === 'none') return memory.get(name) ?? null;
      const record: unknown = await withStore('readonly', (store) => idb.get(store, name));
      if (record === undefined) return null;
      return new TextDecoder().decode(await unseal(p.key, record, label(name), dbName));
    },
    async set(name, value) {
      const p = await protection;
      if (p.kind === 'plain') {
        fallback.setItem(name, value);
        return;
      }
      if (p.kind === 'none') {
        memory.set(name, value);
        return;
      }
      const record = await seal(p.key, new TextEncoder().encode(value), label(name));
      await withStore('readwrite', (store) =>
        idb.put(store, record as unknown as ArrayBuffer, name),
      );
    },
  };
}

/** A synchronous view of some sealed values, for code that reads at start-up (the Mentions inbox). */
export interface PreloadedValues {
  getItem(name: string): string | null;
  setItem(name: string, value: string): void;
  /** Resolves once every write so far is stored. */
  flushed(): Promise<void>;
}

/**
 * Reads `names` once, then answers from memory and writes through, in order.
 * A value an earlier version left in `legacy` (localStorage) is moved into
 * the sealed store and removed from there.
 */
export async function preloadValues(
  values: SealedValues,
  names: readonly string[],
  legacy: PlainValueStorage & { removeItem(key: string): void },
): Promise<PreloadedValues> {
  const memory = new Map<string, string>();
  const inFallback = await values.inFallback;
  for (const name of names) {
    const plain = inFallback ? null : legacy.getItem(name);
    if (plain !== null) {
      await values.set(name, plain);
      legacy.removeItem(name);
    }
    const value = await values.get(name).catch(() => null);
    if (value !== null) memory.set(name, value);
  }
  let writes: Promise<void> = Promise.resolve();
  return {
    getItem: (name) => memory.get(name) ?? null,
    setItem: (name, value) => {
      memory.set(name, value);
      // One at a time, so the last value written is the one stored.
      writes = writes.then(() => values.set(name, value)).catch(() => undefined);
    },
    flushed: () => writes,
  };
}
