/**
 * The snapshot store's contract, run against SQLite and PostgreSQL: both
 * must behave the same for version history and image collection.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendTitle, databaseBackends, type DatabaseLocation } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';

const row = (id: string, docId: string, createdAt: number) => ({
  id,
  spaceId: 'S',
  docId,
  createdAt,
  createdBy: createdAt % 2 === 0 ? 'ada' : null,
  reason: 'scheduled' as const,
});

for (const backend of databaseBackends()) {
  const suite = backend.unavailable === null ? describe : describe.skip;
  suite(backendTitle(backend, 'SnapshotStore'), () => {
    beforeAll(() => backend.setUp(), 60_000);
    afterAll(() => backend.tearDown());
    const open: RelayStores[] = [];
    afterEach(async () => {
      for (const stores of open.splice(0)) await stores.close();
    });
    let location: DatabaseLocation;
    async function reopen(): Promise<RelayStores> {
      const stores = await location.open();
      open.push(stores);
      return stores;
    }

    it('keeps snapshots across a reopen, newest first, ties in insertion order', async () => {
      location = await backend.location();
      const first = await reopen();
      const state = new Uint8Array([1, 2, 3]);
      expect(await first.snapshots.insert(row('a', 'd', 5), state)).toMatchObject({ size: 3 });
      await first.snapshots.insert(row('b', 'd', 7), new Uint8Array([4]));
      await first.snapshots.insert(row('c', 'd', 7), new Uint8Array([5, 5]));
      await first.snapshots.insert(row('z', 'other', 9), new Uint8Array([6]));
      await first.close();
      const store = (await reopen()).snapshots;
      expect((await store.list('S', 'd')).map((s) => [s.id, s.size, s.createdBy])).toEqual([
        ['c', 2, null],
        ['b', 1, null],
        ['a', 3, null],
      ]);
      expect(await store.get('S', 'd', 'a')).toMatchObject({ state, createdAt: 5 });
      expect(await store.get('S', 'other', 'a')).toBeNull();
      expect((await store.latest('S', 'd'))?.id).toBe('c');
      expect(await store.latest('S', 'none')).toBeNull();
      await store.delete(['c', 'b']);
      expect((await store.list('S', 'd')).map((s) => s.id)).toEqual(['a']);
      const states: Uint8Array[] = [];
      for await (const s of store.statesOfSpace('S')) states.push(s);
      expect(states).toHaveLength(2);
      await store.deleteSpace('S');
      expect(await store.list('S', 'other')).toEqual([]);
    });
  });
}
