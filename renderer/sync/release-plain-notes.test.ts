import 'fake-indexeddb/auto';
import { toBase64 } from 'lib0/buffer';
import { IndexeddbPersistence } from 'y-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localDbName, openLocalStore, type MetaKey } from './local-store.ts';
import { dropSettledPlainNotes } from './release-plain-notes.ts';
import { plainNoteDatabases } from './seal-plain-notes.ts';

// `localDataEncryption` switched from `preferred` to `required` on a system that
// still has no key store: the host now answers `refused`, the store is `none`,
// and the notes stored in plain meanwhile may not stay on the disk. Real
// y-indexeddb over fake-indexeddb, opened through the store the app uses.

let people = 0;
const person = () => `plain-${String((people += 1))}`;

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

/** A plain note as the app wrote it under `preferred`, with its small values. */
async function writePlain(
  name: string,
  text: string,
  meta: Partial<Record<MetaKey, unknown>>,
): Promise<void> {
  const doc = new Y.Doc();
  const plain = new IndexeddbPersistence(name, doc);
  await plain.whenSynced;
  doc.getText('body').insert(0, text);
  for (const [k, value] of Object.entries(meta)) await plain.set(k, value as never);
  await plain.destroy();
  doc.destroy();
}

const none = Promise.resolve({ kind: 'none' } as const);

describe('plain notes once encryption is required and no key store exists', () => {
  it('deletes at sign-in the plain notes the relay holds and keeps those with unsent changes', async () => {
    const owner = person();
    const synced = localDbName(owner, 'team/synced');
    const unsent = localDbName(owner, 'team/unsent');
    const offline = localDbName(owner, 'team/created-offline');
    const journaled = localDbName(owner, 'team/journaled');
    await writePlain(synced, 'all on the relay', { relaySynced: true, pending: [] });
    await writePlain(unsent, 'typed offline', {
      relaySynced: true,
      pending: [{ client: 1, start: 0, end: 3, seq: 0 }],
    });
    await writePlain(offline, 'never synced', { createdLocally: true });
    await writePlain(journaled, 'stored', { relaySynced: true, pending: [] });
    const storage = memoryStorage();
    storage.setItem(`${journaled}#journal:1:0`, toBase64(Y.encodeStateAsUpdate(new Y.Doc())));
    const someoneElse = localDbName(person(), 'team/other');
    await writePlain(someoneElse, 'not mine', { relaySynced: true });

    expect(await dropSettledPlainNotes(indexedDB, owner, storage)).toEqual([synced]);

    expect(await plainNoteDatabases(indexedDB, owner)).toEqual([unsent, offline, journaled]);
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(someoneElse);
  });

  it('reads a plain note with unsent changes into memory when opened, deleting the plain copy once the relay synced it', async () => {
    const owner = person();
    const name = localDbName(owner, 'team/opened');
    await writePlain(name, 'typed offline', {
      relaySynced: true,
      pending: [{ client: 1, start: 0, end: 3, seq: 0 }],
    });
    const later = new Y.Doc();
    later.getText('tail').insert(0, 'typed just before the policy changed');
    const storage = memoryStorage();
    storage.setItem(`${name}#journal:7:0`, toBase64(Y.encodeStateAsUpdate(later)));

    const doc = new Y.Doc();
    const store = openLocalStore(name, doc, { storage, isRemote: () => false }, none);
    await store.loaded;

    // In memory, so the note's connection sends these changes to the relay...
    expect(doc.getText('body').toJSON()).toBe('typed offline');
    expect(doc.getText('tail').toJSON()).toBe('typed just before the policy changed');
    // ...while the plain copy stays until the relay has synced them (offline: kept)...
    expect(await plainNoteDatabases(indexedDB, owner)).toEqual([name]);
    // ...and is gone once it has (the registry compacts the store on sync), never written again.
    await store.compact();
    expect(await plainNoteDatabases(indexedDB, owner)).toEqual([]);
    expect(storage.length).toBe(0);
    doc.getText('body').insert(0, 'more ');
    expect(await store.get('pending')).toBeUndefined();
    await store.destroy();
    expect(await plainNoteDatabases(indexedDB, owner)).toEqual([]);
  });
});
