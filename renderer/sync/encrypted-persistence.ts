import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as idb from 'lib0/indexeddb';
import * as Y from 'yjs';
import { seal, unseal, type LocalKey } from './local-crypto.ts';

/**
 * y-indexeddb's design with every record encrypted (local-crypto.ts): the
 * doc's updates are appended to an `updates` store and compacted into one
 * when there are many, small values live in a `custom` store.
 *
 * Written here rather than by wrapping y-indexeddb: it writes each update
 * synchronously from the doc's `update` event and compacts inside one
 * IndexedDB transaction, and neither can wait for WebCrypto, which is
 * asynchronous only. No maintained Yjs provider encrypts at rest. So writes
 * go through one queue: updates are sealed in parallel and stored in one
 * transaction per batch, and compaction runs in the same queue, so the state
 * it stores always covers every record it deletes.
 *
 * Loading reads every record in one transaction and decrypts them all at once
 * (WebCrypto runs them in parallel), then applies them in one Y transaction.
 * A record that does not decrypt (tampered with, another key) makes the whole
 * database refuse to open: `whenSynced` rejects with LocalDataUnreadableError,
 * nothing is written to it or deleted from it, and the caller loads the note
 * from the relay instead.
 */
export interface EncryptedPersistence {
  /** Resolves once the stored updates are applied to the doc; rejects when they cannot be read. */
  readonly whenSynced: Promise<void>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Resolves once every update seen so far is stored. */
  flushed(): Promise<void>;
  /**
   * Replaces the stored updates with the doc's state as it is now: deleted
   * text and superseded versions leave the disk (the relay purged its history).
   */
  compact(): Promise<void>;
  /** Stores what is queued, then stops writing and closes the database (the data stays). */
  destroy(): Promise<void>;
}

/** Updates stored before they are compacted into one (y-indexeddb's PREFERRED_TRIM_SIZE). */
export const ENCRYPTED_TRIM_SIZE = 500;

const UPDATES = 'updates';
const CUSTOM = 'custom';

/** The additional data of a record: database and record name (local-crypto.ts). */
const updateLabel = (name: string) => `${name}\u0000${UPDATES}`;
const customLabel = (name: string, key: string) => `${name}\u0000${CUSTOM}/${key}`;

// Named through lib0's signatures rather than the DOM's, so that Node-side
// code (the benchmarks) type-checks this module too.
type Database = Awaited<ReturnType<typeof idb.openDB>>;

/** The parts of an IDBTransaction that say it has committed. */
interface TransactionLike {
  oncomplete: ((event: never) => unknown) | null;
  onerror: ((event: never) => unknown) | null;
  onabort: ((event: never) => unknown) | null;
  readonly error: Error | null;
}

function committed(tx: TransactionLike): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onerror = () => {
      reject(tx.error ?? new Error('IndexedDB transaction failed'));
    };
    tx.onabort = () => {
      reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    };
  });
}

export function openEncryptedPersistence(
  name: string,
  doc: Y.Doc,
  keyOrPromise: LocalKey | Promise<LocalKey>,
): EncryptedPersistence {
  const origin = Symbol('encrypted-persistence');
  const opening = idb.openDB(name, (db) => {
    idb.createStores(db, [[UPDATES, { autoIncrement: true }], [CUSTOM]]);
  });
  const keyPromise = Promise.resolve(keyOrPromise);
  let stored = 0;
  let destroyed = false;
  let queue: Uint8Array[] = [];
  let draining: Promise<void> | null = null;

  // What the doc held before this store opened (a copy applied by the
  // caller) is stored too, as y-indexeddb does.
  if (doc.store.clients.size > 0) queue.push(Y.encodeStateAsUpdate(doc));

  const load = async (): Promise<{ db: Database; key: LocalKey }> => {
    const [db, key] = await Promise.all([opening, keyPromise]);
    const tx = db.transaction([UPDATES], 'readonly');
    const records = (await idb.getAll(tx.objectStore(UPDATES))) as unknown[];
    const label = updateLabel(name);
    const updates = await Promise.all(records.map((r) => unseal(key, r, label, name)));
    if (!destroyed) {
      Y.transact(
        doc,
        () => {
          for (const update of updates) Y.applyUpdate(doc, update);
        },
        origin,
        false,
      );
    }
    stored = records.length;
    return { db, key };
  };
  const ready = load();
  // A refusal reaches the caller through whenSynced; the write queue just stops.
  ready.catch(() => undefined);

  const compact = async (db: Database, key: LocalKey) => {
    const state = await seal(key, Y.encodeStateAsUpdate(doc), updateLabel(name));
    const tx = db.transaction([UPDATES], 'readwrite');
    const store = tx.objectStore(UPDATES);
    const at: unknown = await idb.rtop(store.add(state));
    // Every record below the state's key was stored before the state was
    // encoded (the queue runs one step at a time), so the state covers it.
    store.delete(idb.createIDBKeyRangeUpperBound(at, true));
    await committed(tx);
    stored = 1;
  };

  // A compaction asked for runs inside the write queue: an update arriving while
  // the state is sealed is stored after it, never deleted with the records below it.
  let compactWanted = false;
  const drain = async () => {
    const { db, key } = await ready;
    while (queue.length > 0 || compactWanted) {
      const batch = queue;
      queue = [];
      if (batch.length > 0) {
        const label = updateLabel(name);
        const sealed = await Promise.all(batch.map((update) => seal(key, update, label)));
        const tx = db.transaction([UPDATES], 'readwrite');
        const store = tx.objectStore(UPDATES);
        for (const record of sealed) store.add(record);
        await committed(tx);
        stored += sealed.length;
      }
      if (stored >= ENCRYPTED_TRIM_SIZE || compactWanted) {
        compactWanted = false;
        await compact(db, key);
      }
    }
  };

  const schedule = () => {
    draining ??= drain()
      .catch(() => {
        // Unreadable database or IndexedDB failing: nothing more is written
        // here; the relay keeps the note, and the error reached whenSynced.
        queue = [];
        compactWanted = false;
      })
      .finally(() => {
        draining = null;
        if ((queue.length > 0 || compactWanted) && !destroyed) schedule();
      });
  };

  const onUpdate = (update: Uint8Array, from: unknown) => {
    if (from === origin || destroyed) return;
    queue.push(update);
    schedule();
  };
  doc.on('update', onUpdate);
  if (queue.length > 0) schedule();

  const destroy = async () => {
    if (destroyed) return;
    doc.off('update', onUpdate);
    doc.off('destroy', onDestroy);
    // Store what was queued before closing: a closed note keeps its last edits.
    if (queue.length > 0) schedule();
    await draining;
    destroyed = true;
    const db = await opening.catch(() => null);
    db?.close();
  };
  const onDestroy = () => {
    void destroy();
  };
  doc.on('destroy', onDestroy);

  return {
    whenSynced: ready.then(() => undefined),
    async get(key) {
      const { db, key: cryptoKey } = await ready;
      const tx = db.transaction([CUSTOM], 'readonly');
      const record: unknown = await idb.rtop(tx.objectStore(CUSTOM).get(key));
      if (record === undefined) return undefined;
      const plain = await unseal(cryptoKey, record, customLabel(name, key), name);
      const value: unknown = decoding.readAny(decoding.createDecoder(plain));
      return value;
    },
    async set(key, value) {
      const { db, key: cryptoKey } = await ready;
      const encoder = encoding.createEncoder();
      encoding.writeAny(encoder, value as Parameters<typeof encoding.writeAny>[1]);
      const record = await seal(cryptoKey, encoding.toUint8Array(encoder), customLabel(name, key));
      const tx = db.transaction([CUSTOM], 'readwrite');
      tx.objectStore(CUSTOM).put(record, key);
      await committed(tx);
    },
    async flushed() {
      while (draining !== null || queue.length > 0) {
        if (draining === null) schedule();
        await draining;
      }
    },
    async compact() {
      if (destroyed) return;
      compactWanted = true;
      schedule();
      // The queue runs until the wish is met, or dropped with the queue by a failing store.
      while (draining !== null) await draining;
    },
    destroy,
  };
}
