import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { MySpace } from '../../shared/api.ts';
import { createAppStore, persistSealedSpaces, persistSpaces } from '../store/index.ts';
import { importLocalKey } from './local-crypto.ts';
import type { LocalProtection } from './local-store.ts';
import { openSealedValues, preloadValues, sealedValuesDbName } from './sealed-values.ts';

// The spaces list names what teams work on: with a key it is sealed in
// IndexedDB and localStorage keeps none of it. localStorage and the sealed
// database are read back raw.

const SPACE_NAME = 'Project Falcon acquisition';
const SPACES: MySpace[] = [{ id: 'sp-1', name: SPACE_NAME, role: 'editor' }];

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      map.set(k, v);
    },
    removeItem: (k: string) => {
      map.delete(k);
    },
  };
}

async function encrypted(): Promise<LocalProtection> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  return { kind: 'encrypted', key: await importLocalKey(btoa(String.fromCharCode(...raw))) };
}

const rawLocal = (storage: ReturnType<typeof memoryStorage>) =>
  [...storage.map.values()].join('\n');

async function rawSealed(owner: string): Promise<string> {
  // Not opened before it exists: opening would create it without its store.
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes(sealedValuesDbName(owner))) return '';
  const db = await idb.openDB(sealedValuesDbName(owner), () => undefined);
  try {
    const [store] = idb.transact(db, ['values'], 'readonly');
    if (store === undefined) return '';
    const values = (await idb.getAll(store)) as Uint8Array[];
    return values.map((v) => new TextDecoder('latin1').decode(v)).join('\n');
  } finally {
    db.close();
  }
}

describe('spaces list at rest', () => {
  it('keeps no space name in localStorage with a key, and shows the list again after a restart', async () => {
    const protection = Promise.resolve(await encrypted());
    const storage = memoryStorage();
    const store = createAppStore();
    const stop = persistSealedSpaces(
      store,
      openSealedValues('emp-1', protection, storage),
      storage,
      'emp-1',
    );
    store.getState().patchSpaces({ status: 'ready', items: SPACES });
    await vi.waitFor(async () => {
      expect(await rawSealed('emp-1')).not.toBe('');
    });
    stop();
    expect(rawLocal(storage)).not.toContain('Falcon');
    expect(await rawSealed('emp-1')).not.toContain('Falcon');

    const next = createAppStore();
    const stopNext = persistSealedSpaces(
      next,
      openSealedValues('emp-1', protection, storage),
      storage,
      'emp-1',
    );
    await vi.waitFor(() => {
      expect(next.getState().spaces.items.map((s) => s.name)).toEqual([SPACE_NAME]);
    });
    stopNext();
  });

  it('moves a list an earlier version left in localStorage into the sealed store', async () => {
    const protection = Promise.resolve(await encrypted());
    const storage = memoryStorage();
    const old = createAppStore();
    const stopOld = persistSpaces(old, storage, 'emp-2');
    old.getState().patchSpaces({ status: 'ready', items: SPACES });
    stopOld();
    expect(rawLocal(storage)).toContain('Falcon'); // the control: plain, as before

    const store = createAppStore();
    const stop = persistSealedSpaces(
      store,
      openSealedValues('emp-2', protection, storage),
      storage,
      'emp-2',
    );
    await vi.waitFor(() => {
      expect(store.getState().spaces.items.map((s) => s.name)).toEqual([SPACE_NAME]);
    });
    expect(rawLocal(storage)).not.toContain('Falcon');
    expect(await rawSealed('emp-2')).not.toContain('Falcon');
    stop();
  });

  it('stays in localStorage where storage is plain anyway (the web client)', async () => {
    const storage = memoryStorage();
    const plain = Promise.resolve<LocalProtection>({ kind: 'plain' });
    const store = createAppStore();
    const stop = persistSealedSpaces(
      store,
      openSealedValues('emp-4', plain, storage),
      storage,
      'emp-4',
    );
    store.getState().patchSpaces({ status: 'ready', items: SPACES });
    await vi.waitFor(() => {
      expect(rawLocal(storage)).toContain('Falcon');
    });
    stop();
    const next = createAppStore();
    const stopNext = persistSealedSpaces(
      next,
      openSealedValues('emp-4', plain, storage),
      storage,
      'emp-4',
    );
    await vi.waitFor(() => {
      expect(next.getState().spaces.items.map((s) => s.name)).toEqual([SPACE_NAME]);
    });
    expect(rawLocal(storage)).toContain('Falcon');
    stopNext();
  });

  it('keeps the list in memory only where the host stores nothing', async () => {
    const storage = memoryStorage();
    const values = openSealedValues('emp-3', Promise.resolve({ kind: 'none' }), storage);
    await values.set('k', SPACE_NAME);
    expect(await values.get('k')).toBe(SPACE_NAME);
    expect(rawLocal(storage)).toBe('');
  });
});

describe('Mentions read state at rest', () => {
  const KEY = 'commonplace.inbox.v1.emp-5';
  const STATE = JSON.stringify({ v: 1, indexed: { 'sp-1/falcon-plan': ['m1'] }, seen: ['m1'] });

  it('moves the read state out of localStorage, answers synchronously, and writes it sealed', async () => {
    const protection = Promise.resolve(await encrypted());
    const storage = memoryStorage();
    storage.setItem(KEY, STATE); // left by an earlier version
    const values = await preloadValues(
      openSealedValues('emp-5', protection, storage),
      [KEY],
      storage,
    );
    expect(values.getItem(KEY)).toBe(STATE);
    expect(storage.map.has(KEY)).toBe(false);
    values.setItem(KEY, STATE.replace('m1', 'm2'));
    await values.flushed();
    expect(rawLocal(storage)).not.toContain('falcon-plan');
    expect(await rawSealed('emp-5')).not.toContain('falcon-plan');
    const again = await preloadValues(
      openSealedValues('emp-5', protection, storage),
      [KEY],
      storage,
    );
    expect(again.getItem(KEY)).toContain('m2');
  });
});
