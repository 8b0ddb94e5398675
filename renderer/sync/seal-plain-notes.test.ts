import 'fake-indexeddb/auto';
import { toBase64 } from 'lib0/buffer';
import { IndexeddbPersistence } from 'y-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openEncryptedPersistence } from './encrypted-persistence.ts';
import { importLocalKey, type LocalKey } from './local-crypto.ts';
import { localDbName, openLocalStore, sealedDbName } from './local-store.ts';
import { plainNoteDatabases, sealPlainNote, sealPlainNotes } from './seal-plain-notes.ts';

// Plain y-indexeddb notes (as stored before this device had a key) moved into
// the encrypted store over fake-indexeddb, then read back through the store
// the app uses.

async function newKey(): Promise<LocalKey> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  return importLocalKey(btoa(String.fromCharCode(...raw)));
}

let people = 0;
const person = () => `emp-${String((people += 1))}`;

/** A stand-in localStorage (the journal's storage): a map. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      map.set(k, v);
    },
    removeItem: (k: string) => {
      map.delete(k);
    },
  };
}

/** Writes `text` into a plain note with its small values, as the app did without a key. */
async function writePlain(name: string, text: string): Promise<void> {
  const doc = new Y.Doc();
  const plain = new IndexeddbPersistence(name, doc);
  await plain.whenSynced;
  doc.getText('body').insert(0, text);
  doc.getText('body').delete(0, 4); // a deletion must survive the move too
  await plain.set('relaySynced', true as never);
  await plain.set('pending', [{ client: doc.clientID, start: 0, end: 2, seq: 0 }] as never);
  await plain.destroy();
  doc.destroy();
}

async function readSealed(name: string, key: LocalKey) {
  const doc = new Y.Doc();
  const store = openLocalStore(name, doc, undefined, Promise.resolve({ kind: 'encrypted', key }));
  await store.loaded;
  const result = {
    text: doc.getText('body').toJSON(),
    relaySynced: await store.get('relaySynced'),
    pending: await store.get('pending'),
  };
  await store.destroy();
  return result;
}

const names = async () => (await indexedDB.databases()).map((d) => d.name ?? '');

describe('sealing notes stored in plain before the key', () => {
  it('moves every plain note of the person into the encrypted store and deletes the plain ones', async () => {
    const owner = person();
    const key = await newKey();
    const a = localDbName(owner, 'team/note-a');
    const b = localDbName(owner, 'team/note-b');
    await writePlain(a, 'XXXXBudget for Zurich');
    await writePlain(b, 'XXXXHiring plan');
    const someoneElse = localDbName(person(), 'team/note-c');
    await writePlain(someoneElse, 'XXXXnot mine');
    expect(await plainNoteDatabases(indexedDB, owner)).toEqual([a, b]);

    expect(await sealPlainNotes(indexedDB, owner, key)).toEqual([a, b]);

    expect(await plainNoteDatabases(indexedDB, owner)).toEqual([]);
    expect(await names()).toEqual(expect.arrayContaining([sealedDbName(a), sealedDbName(b)]));
    expect(await names()).toContain(someoneElse); // another person's notes are not this key's
    expect(await readSealed(a, key)).toEqual({
      text: 'Budget for Zurich',
      relaySynced: true,
      pending: [{ client: expect.any(Number) as number, start: 0, end: 2, seq: 0 }],
    });
    expect((await readSealed(b, key)).text).toBe('Hiring plan');
  });

  it('is resumable: a move interrupted after writing the sealed copy finishes without doubling text', async () => {
    const owner = person();
    const key = await newKey();
    const name = localDbName(owner, 'team/interrupted');
    await writePlain(name, 'XXXXQuarterly numbers');
    // An earlier start got as far as the sealed copy, then the app quit before deleting the plain one.
    const copy = new Y.Doc();
    const plain = new IndexeddbPersistence(name, copy);
    await plain.whenSynced;
    await plain.destroy();
    const partial = openEncryptedPersistence(sealedDbName(name), copy, key);
    await partial.whenSynced;
    await partial.flushed();
    await partial.destroy();
    expect(await names()).toContain(name);

    await sealPlainNotes(indexedDB, owner, key);
    await sealPlainNotes(indexedDB, owner, key); // and again: nothing left to do
    expect(await plainNoteDatabases(indexedDB, owner)).toEqual([]);
    const { text, relaySynced } = await readSealed(name, key);
    expect(text).toBe('Quarterly numbers');
    expect(relaySynced).toBe(true); // written by the finishing run
  });

  it('moves the plain edit journal too and removes it from localStorage', async () => {
    const owner = person();
    const key = await newKey();
    const name = localDbName(owner, 'team/journaled');
    await writePlain(name, 'XXXXstored');
    const later = new Y.Doc();
    later.getText('tail').insert(0, 'typed just before the crash');
    const storage = memoryStorage();
    storage.setItem(`${name}#journal:7:0`, toBase64(Y.encodeStateAsUpdate(later)));
    await sealPlainNotes(indexedDB, owner, key, storage);
    expect(storage.length).toBe(0);
    const doc = new Y.Doc();
    const store = openLocalStore(name, doc, undefined, Promise.resolve({ kind: 'encrypted', key }));
    await store.loaded;
    expect(doc.getText('tail').toJSON()).toBe('typed just before the crash');
    await store.destroy();
  });

  it('keeps the plain copy when the sealed one cannot be read back (another key wrote it)', async () => {
    const owner = person();
    const name = localDbName(owner, 'team/conflict');
    await writePlain(name, 'XXXXfirst');
    expect(await sealPlainNote(indexedDB, name, await newKey())).toBe(true);
    await writePlain(name, 'XXXXkeep me');
    // This key cannot open what the first one sealed: the move fails and nothing is deleted.
    expect(await sealPlainNote(indexedDB, name, await newKey())).toBe(false);
    expect(await names()).toContain(name);
  });

  it('opening a plain note with a key shows its content (the registry does not wait for the sweep)', async () => {
    const owner = person();
    const key = await newKey();
    const name = localDbName(owner, 'team/opened-first');
    await writePlain(name, 'XXXXwritten offline');
    expect((await readSealed(name, key)).text).toBe('written offline');
    expect(await names()).not.toContain(name);
  });
});
