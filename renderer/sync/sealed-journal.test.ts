import 'fake-indexeddb/auto';
import { fromBase64 } from 'lib0/buffer';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { importLocalKey, type LocalKey } from './local-crypto.ts';
import { localDbName, openLocalStore } from './local-store.ts';
import { openSealedJournal } from './sealed-journal.ts';

// The sealed edit journal in front of the encrypted store: what localStorage
// holds is read back raw, as anyone with the profile folder could.

const SECRET = 'Acquisition of Hartmann AG closes Friday';

async function newKey(): Promise<LocalKey> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  return importLocalKey(btoa(String.fromCharCode(...raw)));
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
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

const typeInto = (doc: Y.Doc, text: string) => {
  for (const ch of text) doc.getText('body').insert(doc.getText('body').length, ch);
};

const plainInStorage = (storage: ReturnType<typeof memoryStorage>, needle: string) =>
  [...storage.map.values()].some(
    (v) => v.includes(needle) || new TextDecoder().decode(fromBase64(v)).includes(needle),
  );

let seq = 0;
const freshName = () => localDbName('emp-7', `team/journal-${String((seq += 1))}`);

describe('sealed edit journal', () => {
  it('keeps every keystroke a crash would lose, sealed, and replays it on the next opening', async () => {
    const key = await newKey();
    const storage = memoryStorage();
    const name = freshName();
    // A store that never commits: the process dies before IndexedDB does.
    const neverStored = { flushed: () => new Promise<void>(() => undefined) };
    const doc = new Y.Doc();
    const journal = openSealedJournal(name, doc, neverStored, key, {
      storage,
      isRemote: () => false,
    });
    doc.getText('body').insert(0, SECRET); // a paste: one update holding the whole sentence
    typeInto(doc, ' ok'); // then keystrokes, one update each
    await vi.waitFor(() => {
      expect(storage.length).toBe(4);
    });
    // A plain journal entry of the paste would hold the sentence as it is.
    expect(plainInStorage(storage, 'Hartmann')).toBe(false);
    journal.destroy();

    // The next start: the encrypted store (empty: it never committed) plus the journal.
    const again = new Y.Doc();
    const store = openLocalStore(
      name,
      again,
      { storage, isRemote: () => false },
      Promise.resolve({ kind: 'encrypted', key }),
    );
    await store.loaded;
    expect(again.getText('body').toJSON()).toBe(`${SECRET} ok`);
    // Stored in the encrypted store now, so the journal is emptied.
    await vi.waitFor(() => {
      expect(storage.length).toBe(0);
    });
    await store.destroy();
    const third = new Y.Doc();
    const reopened = openLocalStore(
      name,
      third,
      undefined,
      Promise.resolve({ kind: 'encrypted', key }),
    );
    await reopened.loaded;
    expect(third.getText('body').toJSON()).toBe(`${SECRET} ok`);
    await reopened.destroy();
  });

  it('empties itself as the encrypted store commits, and does not journal the relay’s updates', async () => {
    const key = await newKey();
    const storage = memoryStorage();
    const doc = new Y.Doc();
    const relay = Symbol('relay');
    const store = openLocalStore(
      freshName(),
      doc,
      { storage, isRemote: (origin) => origin === relay },
      Promise.resolve({ kind: 'encrypted', key }),
    );
    await store.loaded;
    typeInto(doc, 'typed here');
    const remote = new Y.Doc();
    remote.getText('body').insert(0, 'from the relay');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), relay);
    await vi.waitFor(() => {
      expect(storage.length).toBe(0);
    });
    await store.destroy();
  });

  it('drops entries sealed under another key instead of applying them', async () => {
    const storage = memoryStorage();
    const name = freshName();
    const doc = new Y.Doc();
    const journal = openSealedJournal(
      name,
      doc,
      { flushed: () => new Promise<void>(() => undefined) },
      await newKey(),
      { storage, isRemote: () => false },
    );
    typeInto(doc, 'old key');
    await vi.waitFor(() => {
      expect(storage.length).toBe(7);
    });
    journal.destroy();
    const fresh = new Y.Doc();
    const other = openSealedJournal(
      name,
      fresh,
      { flushed: () => Promise.resolve() },
      await newKey(),
      {
        storage,
        isRemote: () => false,
      },
    );
    await other.replayed;
    expect(fresh.getText('body').toJSON()).toBe('');
    await vi.waitFor(() => {
      expect(storage.length).toBe(0);
    });
    other.destroy();
  });
});
