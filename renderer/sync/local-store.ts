import { clearDocument, IndexeddbPersistence, storeState } from 'y-indexeddb';
import * as idb from 'lib0/indexeddb';
import type * as Y from 'yjs';
import { openEditJournal, type EditJournalOptions } from './edit-journal.ts';
import { openEncryptedPersistence } from './encrypted-persistence.ts';
import type { LocalKey } from './local-crypto.ts';
import { releasePlainNote } from './release-plain-notes.ts';
import { pageDatabases, sealPlainNote } from './seal-plain-notes.ts';
import { openSealedJournal } from './sealed-journal.ts';

/**
 * The local store of one document: y-indexeddb, one
 * IndexedDB database per room, namespaced by the signed-in person's `sub` so
 * that two people sharing a browser profile never load each other's notes.
 *
 * y-indexeddb appends every update of the Y.Doc (local edits and what the
 * relay sends) to the database from its `update` listener; the registry
 * creates the store before the provider, so that listener runs before the
 * provider's and an edit is queued for IndexedDB before it is sent anywhere.
 */
export interface LocalStore {
  /** Resolves once the stored updates have been applied to the doc. */
  readonly loaded: Promise<void>;
  /** A small value kept beside the updates (y-indexeddb's `custom` object store). */
  get(key: MetaKey): Promise<unknown>;
  set(key: MetaKey, value: unknown): Promise<void>;
  /**
   * Rewrites the stored updates as the doc's current state, so that no
   * earlier version and no deleted text stays on this device: done at each
   * sync with the relay, which may have purged the note's history meanwhile.
   */
  compact(): Promise<void>;
  /** Stops writing (the stored data stays). */
  destroy(): Promise<void>;
}

/**
 * Keys of the values kept beside a document's updates:
 * - `relaySynced`: the relay's first sync completed once on this machine, so
 *   the local copy holds the real note and may be edited before the next one;
 * - `createdLocally`: the note was created here (offline), so there is
 *   nothing on the relay an empty doc could overwrite;
 * - `pending`: local transactions the relay had not confirmed (pending.ts);
 * - `relayState`: the last state vector the relay reported as stored.
 */
export type MetaKey = 'relaySynced' | 'createdLocally' | 'pending' | 'relayState';

const PREFIX = 'commonplace';

/**
 * The IndexedDB database name of `roomKey` for `owner` (the token's `sub`).
 * The `sub` is URI-encoded so that no `sub` can produce another person's
 * prefix (`/` cannot appear in the encoded form).
 */
export function localDbName(owner: string, roomKey: string): string {
  return `${PREFIX}/${encodeURIComponent(owner)}/${roomKey}`;
}

/**
 * Deletes the local store `name` (a note purged on the relay for good), plain
 * and encrypted. An open connection blocks the deletion until it closes;
 * IndexedDB queues it.
 */
export async function deleteLocalStore(name: string): Promise<void> {
  await clearDocument(name);
  await clearDocument(sealedDbName(name));
}

/**
 * How the host lets this device keep a person's notes (shared/host.ts
 * `LocalDataProtection`, with the key imported into WebCrypto):
 * `encrypted` with the key, `plain` (the browser's storage as it is), or
 * `none` (nothing stored: the host could encrypt but has no key store now).
 */
export type LocalProtection =
  | { readonly kind: 'encrypted'; readonly key: LocalKey }
  | { readonly kind: 'plain' }
  | { readonly kind: 'none' };

/** The database of an encrypted store: beside the plain name, so the wipe's prefix finds it. */
export function sealedDbName(name: string): string {
  return `${name}#sealed`;
}

/**
 * Opens the local store of `doc` under `name` (see `localDbName`). With a
 * `journal`, local edits also go to a synchronous write-ahead journal first
 * (edit-journal.ts), so a reload right after a keystroke loses nothing.
 *
 * With `protection` (the host's answer, usually already settled), the store
 * is the encrypted one, a plain one or none at all. Encrypted stores keep a
 * sealed journal (sealed-journal.ts): each entry is written one AES-GCM call
 * after the keystroke, since WebCrypto is asynchronous, and is never plain.
 */
export function openLocalStore(
  name: string,
  doc: Y.Doc,
  journal?: EditJournalOptions,
  protection?: Promise<LocalProtection>,
): LocalStore {
  if (protection === undefined) return openPlainStore(name, doc, journal);
  const store = protection.then(async (p): Promise<LocalStore> => {
    if (p.kind === 'plain') return openPlainStore(name, doc, journal);
    if (p.kind === 'none') {
      // Stored in plain while the policy allowed it, now not allowed: into memory, off the disk.
      const dropPlain = await releasePlainNote(pageDatabases(), name, doc, journal?.storage);
      // `compact` runs when the relay has synced the note: the plain copy goes then.
      return { ...memoryOnly, compact: dropPlain };
    }
    // A plain copy from before the key is sealed first, so this note opens with
    // its offline edits; a failed move leaves it plain, to be tried next start.
    await sealPlainNote(pageDatabases(), name, p.key, journal?.storage);
    const sealed = openEncryptedPersistence(sealedDbName(name), doc, p.key);
    // After the store: its update listener queues the write before the journal seals.
    const edits = journal ? openSealedJournal(name, doc, sealed, p.key, journal) : null;
    return {
      loaded: edits
        ? Promise.all([sealed.whenSynced, edits.replayed]).then(() => undefined)
        : sealed.whenSynced,
      get: (key) => sealed.get(key),
      set: (key, value) => sealed.set(key, value),
      compact: () => sealed.compact(),
      destroy: () => {
        edits?.destroy();
        return sealed.destroy();
      },
    };
  });
  return {
    loaded: store.then((s) => s.loaded),
    get: async (key) => (await store).get(key),
    set: async (key, value) => {
      await (await store).set(key, value);
    },
    compact: async () => {
      await (await store).compact();
    },
    destroy: async () => {
      await (await store).destroy();
    },
  };
}

/** No store at all: the doc lives in memory and comes from the relay. */
const memoryOnly: LocalStore = {
  loaded: Promise.resolve(),
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(),
  compact: () => Promise.resolve(),
  destroy: () => Promise.resolve(),
};

function openPlainStore(name: string, doc: Y.Doc, journal?: EditJournalOptions): LocalStore {
  const persistence = new IndexeddbPersistence(name, doc);
  // After the persistence: its update listener must queue the IndexedDB write
  // before the journal asks IndexedDB to confirm it.
  const edits = journal ? openEditJournal(name, doc, persistence, journal) : null;
  return {
    loaded: persistence.whenSynced.then(() => undefined),
    get: (key) => persistence.get(key) as Promise<unknown>,
    set: async (key, value) => {
      await persistence.set(key, value as string);
    },
    compact: () => compactPlain(persistence),
    destroy: () => {
      edits?.destroy();
      return persistence.destroy();
    },
  };
}

/**
 * y-indexeddb's own compaction (the state appended, the records below it
 * deleted). Its `storeState` resolves before the deletion commits, so this
 * waits for a readwrite transaction queued after it on the same store:
 * IndexedDB runs overlapping readwrite transactions in order.
 */
async function compactPlain(persistence: IndexeddbPersistence): Promise<void> {
  await persistence.whenSynced;
  await storeState(persistence, true);
  const db = persistence.db;
  if (db === null) return;
  const [updates] = idb.transact(db, ['updates'], 'readwrite');
  if (updates !== undefined) await idb.count(updates);
}
