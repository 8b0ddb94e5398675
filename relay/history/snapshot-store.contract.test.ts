/**
 * The snapshot store's contract, run against SQLite and PostgreSQL: both
 * must behave the same for version history and image collection.
 */
import { expect, it } from 'vitest';
import { describeStores } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';

const row = (id: string, docId: string, createdAt: number) => ({
  id,
  spaceId: 'S',
  docId,
  createdAt,
  createdBy: createdAt % 2 === 0 ? 'ada' : null,
  reason: 'scheduled' as const,
});

describeStores('SnapshotStore', (h) => {
  const reopen = (): Promise<RelayStores> => h.reopen();
  it('keeps snapshots across a reopen, newest first, ties in insertion order', async () => {
    await h.newLocation();
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
