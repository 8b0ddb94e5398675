import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSnapshotStore, searchDbName } from './snapshot-store.ts';

// The search index's record over fake-indexeddb (the browser's IndexedDB API).

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('search index record', () => {
  it('keeps the plain record while plain storage is allowed', async () => {
    const plain = openSnapshotStore('ada');
    await plain.save('{"notes":["launch plans"]}');
    expect(await plain.load()).toBe('{"notes":["launch plans"]}');
  });

  it('deletes the plain record once storing is no longer allowed (encryption required, no key store)', async () => {
    const owner = 'grace';
    await openSnapshotStore(owner).save('{"notes":["launch plans"]}');
    expect(await databaseNames()).toContain(searchDbName(owner));
    const none = openSnapshotStore(owner, Promise.resolve({ kind: 'none' }));
    expect(await none.load()).toBeNull();
    expect(await databaseNames()).not.toContain(searchDbName(owner));
  });
});
