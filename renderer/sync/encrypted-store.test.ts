import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSnapshotStore } from '../search/snapshot-store.ts';
import { ENCRYPTED_TRIM_SIZE } from './encrypted-persistence.ts';
import { importLocalKey, LocalDataUnreadableError } from './local-crypto.ts';
import { localDbName, openLocalStore, sealedDbName, type LocalProtection } from './local-store.ts';

// The encrypted local store over fake-indexeddb (the same IndexedDB API the
// browser has); the stored records are read back raw, as anyone with the
// profile folder could.

const SECRET = 'Quarterly layoffs: Zurich office closes on 30 June';

function randomKeyBase64(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
}

async function importedKey(): Promise<LocalProtection> {
  return { kind: 'encrypted', key: await importLocalKey(randomKeyBase64()) };
}

let seq = 0;
function freshName(): string {
  seq += 1;
  return localDbName('emp-1001', `team/note-${String(seq)}`);
}

/** Every value stored in `name`, as bytes, and how many update records there are. */
async function rawRecords(name: string): Promise<{ bytes: Uint8Array[]; updates: number }> {
  const db = await idb.openDB(name, () => undefined);
  try {
    const [updates, custom] = idb.transact(db, ['updates', 'custom'], 'readonly');
    if (updates === undefined || custom === undefined) throw new Error('stores missing');
    const values: unknown[] = [];
    values.push(...((await idb.getAll(updates)) as unknown[]));
    values.push(...((await idb.getAll(custom)) as unknown[]));
    const bytes = values.map((v) =>
      v instanceof Uint8Array ? v : new TextEncoder().encode(JSON.stringify(v)),
    );
    return { bytes, updates: (await idb.getAll(updates)).length };
  } finally {
    db.close();
  }
}

function contains(haystack: Uint8Array, needle: string): boolean {
  const bytes = new TextEncoder().encode(needle);
  outer: for (let i = 0; i + bytes.length <= haystack.length; i++) {
    for (let j = 0; j < bytes.length; j++) if (haystack[i + j] !== bytes[j]) continue outer;
    return true;
  }
  return false;
}

/** Writes SECRET into a new note through the store and closes it. */
async function writeNote(name: string, protection: Promise<LocalProtection>): Promise<void> {
  const doc = new Y.Doc();
  const store = openLocalStore(name, doc, undefined, protection);
  await store.loaded;
  for (const word of SECRET.split(' ')) {
    const text = doc.getText('body');
    text.insert(text.length, text.length === 0 ? word : ` ${word}`);
  }
  await store.set('pending', [{ client: doc.clientID, start: 0, end: 3, seq: 0 }]);
  await store.set('relayState', new Uint8Array([1, 2, 3]));
  await store.destroy();
  doc.destroy();
}

describe('encrypted local store', () => {
  it('stores no plaintext of a known note and reloads it', async () => {
    const protection = Promise.resolve(await importedKey());
    const name = freshName();
    await writeNote(name, protection);

    const raw = await rawRecords(sealedDbName(name));
    expect(raw.bytes.length).toBeGreaterThan(3); // the words' updates and two values
    for (const record of raw.bytes) {
      expect(contains(record, 'Zurich')).toBe(false);
      expect(contains(record, 'layoffs')).toBe(false);
    }
    // The control: the same note through plain y-indexeddb does hold the text.
    const plainName = freshName();
    await writeNote(plainName, Promise.resolve({ kind: 'plain' }));
    expect((await rawRecords(plainName)).bytes.some((b) => contains(b, 'Zurich'))).toBe(true);

    const doc = new Y.Doc();
    const store = openLocalStore(name, doc, undefined, protection);
    await store.loaded;
    expect(doc.getText('body').toJSON()).toBe(SECRET);
    expect(await store.get('relayState')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.get('pending')).toEqual([
      { client: expect.any(Number) as number, start: 0, end: 3, seq: 0 },
    ]);
    expect(await store.get('relaySynced')).toBeUndefined();
    await store.destroy();
  });

  it('compacts many updates into one record, as y-indexeddb does', async () => {
    const protection = Promise.resolve(await importedKey());
    const name = freshName();
    const doc = new Y.Doc();
    const store = openLocalStore(name, doc, undefined, protection);
    await store.loaded;
    const text = doc.getText('body');
    for (let i = 0; i < ENCRYPTED_TRIM_SIZE + 20; i++) text.insert(text.length, `${String(i)},`);
    await store.destroy();
    expect((await rawRecords(sealedDbName(name))).updates).toBeLessThan(ENCRYPTED_TRIM_SIZE);
    const again = new Y.Doc();
    const reopened = openLocalStore(name, again, undefined, protection);
    await reopened.loaded;
    expect(again.getText('body').toJSON()).toBe(text.toJSON());
    await reopened.destroy();
  });

  it('refuses a database under another key, changes nothing in it, and other notes still open', async () => {
    const mine = Promise.resolve(await importedKey());
    const tampered = freshName();
    const fine = freshName();
    await writeNote(tampered, mine);
    await writeNote(fine, mine);
    const before = await rawRecords(sealedDbName(tampered));

    const doc = new Y.Doc();
    const store = openLocalStore(tampered, doc, undefined, Promise.resolve(await importedKey()));
    await expect(store.loaded).rejects.toBeInstanceOf(LocalDataUnreadableError);
    await expect(store.loaded).rejects.toThrow(/cannot be decrypted.*loaded from the relay/);
    doc.getText('body').insert(0, 'typed after the refusal');
    await store.destroy();
    expect(await rawRecords(sealedDbName(tampered))).toEqual(before);
    expect(doc.getText('body').toJSON()).toBe('typed after the refusal'); // nothing applied

    const other = new Y.Doc();
    const ok = openLocalStore(fine, other, undefined, mine);
    await ok.loaded;
    expect(other.getText('body').toJSON()).toBe(SECRET);
    await ok.destroy();
  });

  it('refuses a database with one altered byte', async () => {
    const protection = Promise.resolve(await importedKey());
    const name = freshName();
    await writeNote(name, protection);
    const db = await idb.openDB(sealedDbName(name), () => undefined);
    const [updates] = idb.transact(db, ['updates']);
    if (updates === undefined) throw new Error('stores missing');
    const [entry] = await idb.getAllKeysValues(updates);
    if (entry === undefined) throw new Error('no record');
    const altered = new Uint8Array(entry.v as Uint8Array);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    await idb.put(updates, altered as unknown as ArrayBuffer, entry.k as number);
    db.close();

    const store = openLocalStore(name, new Y.Doc(), undefined, protection);
    await expect(store.loaded).rejects.toBeInstanceOf(LocalDataUnreadableError);
    await store.destroy();
  });

  it('stores nothing where the host refuses storage, and the doc still works in memory', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const store = openLocalStore(name, doc, undefined, Promise.resolve({ kind: 'none' }));
    await store.loaded;
    doc.getText('body').insert(0, SECRET);
    await store.set('relaySynced', true);
    expect(await store.get('relaySynced')).toBeUndefined();
    await store.destroy();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
    expect(names).not.toContain(sealedDbName(name));
  });
});

describe('encrypted search snapshot', () => {
  it('stores the index without plaintext, reloads it and deletes a plain one left from before', async () => {
    const owner = `emp-${String(Date.now())}`;
    const record = JSON.stringify({ v: 1, notes: { 'team/a': { title: SECRET } } });
    await openSnapshotStore(owner).save(record); // a plain snapshot from an older version
    const protection = Promise.resolve(await importedKey());
    const store = openSnapshotStore(owner, protection);
    await store.save(record);
    expect(await store.load()).toBe(record);
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const mine = names.filter((n) => n.includes(encodeURIComponent(owner)));
    expect(mine).toEqual([`commonplace-search/${owner}#sealed`]);
    const db = await idb.openDB(mine[0] ?? '', () => undefined);
    const [snap] = idb.transact(db, ['snapshot'], 'readonly');
    if (snap === undefined) throw new Error('store missing');
    const stored = (await idb.getAll(snap)) as Uint8Array[];
    db.close();
    expect(stored).toHaveLength(1);
    expect(contains(stored[0] ?? new Uint8Array(), 'Zurich')).toBe(false);
    // Another key cannot read it: the index is rebuilt from the notes instead.
    expect(await openSnapshotStore(owner, Promise.resolve(await importedKey())).load()).toBeNull();
    await store.wipe();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(mine[0]);
  });
});
