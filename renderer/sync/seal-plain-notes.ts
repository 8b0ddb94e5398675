import { fromBase64 } from 'lib0/buffer';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { JournalStorage } from './edit-journal.ts';
import { openEncryptedPersistence } from './encrypted-persistence.ts';
import type { LocalKey } from './local-crypto.ts';
import { sealedDbName, type MetaKey } from './local-store.ts';

/**
 * Moves notes stored in plain (y-indexeddb, before this device had a key)
 * into the encrypted store, one note at a time:
 * read the plain database (and the note's plain edit journal in
 * localStorage), write its state and small values into `…#sealed`, read
 * that back with the key and check it holds everything, and only then delete
 * the plain database and journal.
 *
 * Idempotent per note, so an interruption (quit, crash, a closed tab) at any
 * step is finished by the next start: until the plain database is deleted it
 * is the one copy that counts and is read again; Yjs updates applied twice
 * change nothing, and the small values are overwritten with the same ones.
 */

/**
 * The part of IDBFactory used to find databases, typed structurally so that
 * Node-side code (the benchmarks) compiles the local store too.
 */
export interface DatabaseLister {
  databases(): Promise<readonly { readonly name?: string | undefined }[]>;
}

/** The page's IndexedDB (y-indexeddb opens and deletes through it as well). */
export function pageDatabases(): DatabaseLister {
  const factory: unknown = Reflect.get(globalThis, 'indexedDB');
  return factory as DatabaseLister;
}

const META_KEYS: readonly MetaKey[] = ['relaySynced', 'createdLocally', 'pending', 'relayState'];

/** Notes being moved now: the registry opening a note waits for the sweep's move of it. */
const moving = new Map<string, Promise<boolean>>();

/** The names of a person's plain note databases (`commonplace/<sub>/<spaceId>/<docId>`). */
export async function plainNoteDatabases(
  factory: DatabaseLister,
  owner: string,
): Promise<string[]> {
  const prefix = `commonplace/${encodeURIComponent(owner)}/`;
  const infos = await factory.databases();
  return infos
    .map((info) => info.name ?? '')
    .filter(
      (name) =>
        name.startsWith(prefix) &&
        !name.endsWith('#sealed') &&
        name.slice(prefix.length).includes('/'),
    );
}

/**
 * Seals the plain note `name` if there is one; resolves true once no plain
 * copy is left (moved, or there was none), false when the move failed (the
 * plain copy stays, to be tried again next start).
 */
export function sealPlainNote(
  factory: DatabaseLister,
  name: string,
  key: LocalKey,
  journal?: JournalStorage,
): Promise<boolean> {
  let running = moving.get(name);
  if (running === undefined) {
    running = move(factory, name, key, journal)
      .then(() => true)
      .catch(() => false)
      .finally(() => moving.delete(name));
    moving.set(name, running);
  }
  return running;
}

/** Seals every plain note of `owner`; resolves to the names moved. */
export async function sealPlainNotes(
  factory: DatabaseLister,
  owner: string,
  key: LocalKey,
  journal?: JournalStorage,
): Promise<string[]> {
  const moved: string[] = [];
  // One at a time: a person's whole notebook decoded at once could be large.
  for (const name of await plainNoteDatabases(factory, owner)) {
    if (await sealPlainNote(factory, name, key, journal)) moved.push(name);
  }
  return moved;
}

/** The keys of `name`'s plain edit journal entries in `storage`. */
export function journalKeys(storage: JournalStorage, name: string): string[] {
  const prefix = `${name}#journal:`;
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(prefix) === true) keys.push(k);
  }
  return keys;
}

async function exists(factory: DatabaseLister, name: string): Promise<boolean> {
  return (await factory.databases()).some((info) => info.name === name);
}

/** What a plain note holds: its state (database and journal), its small values, its journal keys. */
export interface PlainNote {
  readonly doc: Y.Doc;
  readonly meta: ReadonlyMap<MetaKey, unknown>;
  readonly journaled: readonly string[];
}

/** Reads the plain note `name` (database and journal), or null when there is none. */
export async function readPlainNote(
  factory: DatabaseLister,
  name: string,
  journal?: JournalStorage,
): Promise<PlainNote | null> {
  const journaled = journal === undefined ? [] : journalKeys(journal, name);
  const stored = await exists(factory, name);
  if (!stored && journaled.length === 0) return null;
  const doc = new Y.Doc();
  const meta = new Map<MetaKey, unknown>();
  if (stored) {
    const plain = new IndexeddbPersistence(name, doc);
    try {
      await plain.whenSynced;
      for (const k of META_KEYS) {
        const value: unknown = await plain.get(k);
        if (value !== undefined) meta.set(k, value);
      }
    } finally {
      await plain.destroy();
    }
  }
  for (const k of journaled) {
    const value = journal?.getItem(k);
    try {
      if (value != null) Y.applyUpdate(doc, fromBase64(value));
    } catch {
      // A corrupt entry could never be applied; the plain store will not replay it either.
    }
  }
  return { doc, meta, journaled };
}

/** Deletes the plain note `name`: its database and its journal entries. */
export async function deletePlainNote(
  name: string,
  journaled: readonly string[],
  journal?: JournalStorage,
): Promise<void> {
  await clearDocument(name);
  for (const k of journaled) journal?.removeItem(k);
}

async function move(
  factory: DatabaseLister,
  name: string,
  key: LocalKey,
  journal?: JournalStorage,
) {
  const plainNote = await readPlainNote(factory, name, journal);
  if (plainNote === null) return;
  const { doc: plainDoc, meta, journaled } = plainNote;

  const sealedName = sealedDbName(name);
  const target = new Y.Doc();
  Y.applyUpdate(target, Y.encodeStateAsUpdate(plainDoc));
  const sealed = openEncryptedPersistence(sealedName, target, key);
  try {
    await sealed.whenSynced;
    for (const [k, value] of meta) await sealed.set(k, value);
    await sealed.flushed();
  } finally {
    await sealed.destroy();
  }

  // Read back with the key before anything plain is deleted.
  const check = new Y.Doc();
  const reread = openEncryptedPersistence(sealedName, check, key);
  try {
    await reread.whenSynced;
    if (!covers(check, plainDoc)) throw new Error(`${sealedName} does not hold ${name}`);
    for (const [k, value] of meta) {
      if (JSON.stringify(await reread.get(k)) !== JSON.stringify(value)) {
        throw new Error(`${sealedName} does not hold ${k} of ${name}`);
      }
    }
  } finally {
    await reread.destroy();
  }

  await deletePlainNote(name, journaled, journal);
}

/** Whether `doc` holds every insertion and deletion of `from` (it may hold more). */
function covers(doc: Y.Doc, from: Y.Doc): boolean {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(from));
  return Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(merged));
}
