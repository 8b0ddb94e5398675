import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { memoryStore } from '../auth/index.ts';
import { createAppStore, selectRoom } from '../store/index.ts';
import { createDocRegistry } from './doc-registry.ts';
import { importLocalKey } from './local-crypto.ts';
import { localDbName, openLocalStore, sealedDbName, type LocalStore } from './local-store.ts';

// The relay purges a note's history (retention, a legal purge); a laptop must
// not keep older versions either. Its local store appends every update, so a
// deleted paragraph stays in the records until they are compacted: at each
// sync the store is rewritten as the current state. Real y-indexeddb and the
// encrypted store over fake-indexeddb.

const OLD = 'Salary of Ada: 120k';

/** Every record of the `updates` store of database `name`, as stored. */
async function records(name: string): Promise<Uint8Array[]> {
  const db = await idb.openDB(name, () => undefined);
  try {
    const [updates] = idb.transact(db, ['updates'], 'readonly');
    if (updates === undefined) return [];
    return (await idb.getAll(updates)) as Uint8Array[];
  } finally {
    db.close();
  }
}

const holds = (all: Uint8Array[], text: string) =>
  all.some((record) => new TextDecoder().decode(record).includes(text));

/** Writes OLD, deletes it, writes the current text: three updates in the store. */
async function editHistory(store: LocalStore, doc: Y.Doc): Promise<void> {
  await store.loaded;
  const body = doc.getText('body');
  body.insert(0, OLD);
  body.delete(0, OLD.length);
  body.insert(0, 'Salaries are in the HR system');
}

async function reopen(name: string, protection?: Parameters<typeof openLocalStore>[3]) {
  const doc = new Y.Doc();
  const store = openLocalStore(name, doc, undefined, protection);
  await store.loaded;
  const text = doc.getText('body').toJSON();
  await store.destroy();
  return text;
}

describe('history purged on the relay is dropped from the local store at sync', () => {
  it('plain store: the deleted text leaves the records, the current text stays', async () => {
    const name = localDbName('purge-1', 'team/pay');
    const doc = new Y.Doc();
    const store = openLocalStore(name, doc);
    await editHistory(store, doc);
    await vi.waitFor(async () => {
      expect(holds(await records(name), 'HR system')).toBe(true);
    });
    // The old version is on disk until the store is compacted.
    expect(holds(await records(name), OLD)).toBe(true);

    await store.compact();

    const after = await records(name);
    expect(after).toHaveLength(1);
    expect(holds(after, OLD)).toBe(false);
    await store.destroy();
    expect(await reopen(name)).toBe('Salaries are in the HR system');
  });

  it('encrypted store: one sealed state record is left and opens to the current text', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const key = await importLocalKey(btoa(String.fromCharCode(...raw)));
    const protection = Promise.resolve({ kind: 'encrypted', key } as const);
    const name = localDbName('purge-2', 'team/pay');
    const doc = new Y.Doc();
    const store = openLocalStore(name, doc, undefined, protection);
    await editHistory(store, doc);
    await vi.waitFor(async () => {
      expect(await records(sealedDbName(name))).toHaveLength(3);
    });

    await store.compact();
    // An edit right after the compaction is stored beside the state, not lost with the old records.
    doc.getText('body').insert(0, '» ');
    await store.compact();

    expect(await records(sealedDbName(name))).toHaveLength(1);
    await store.destroy();
    expect(await reopen(name, protection)).toBe('» Salaries are in the HR system');
  });
});

describe('the registry', () => {
  it('compacts a note’s local store when it syncs with the relay', async () => {
    const store = createAppStore();
    const registry = createDocRegistry({
      relayUrl: 'ws://127.0.0.1:9',
      store,
      user: { name: 'Ada', color: '#e5484d' },
      connect: false,
      localStore: { owner: 'purge-3', storage: memoryStore() },
    });
    try {
      const handle = registry.open({ spaceId: 'team', docId: 'pay' });
      const name = localDbName('purge-3', 'team/pay');
      await expect.poll(() => selectRoom(handle.key)(store.getState()).localLoaded).toBe(true);
      const body = handle.doc.getText('scratch');
      body.insert(0, OLD);
      body.delete(0, OLD.length);
      body.insert(0, 'current');
      await vi.waitFor(async () => {
        expect(holds(await records(name), OLD)).toBe(true);
      });
      handle.provider.synced = true; // what the provider does at the relay's sync step 2
      await vi.waitFor(async () => {
        expect(holds(await records(name), OLD)).toBe(false);
      });
      expect(holds(await records(name), 'current')).toBe(true);
    } finally {
      registry.destroy();
    }
  });
});
