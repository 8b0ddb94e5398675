/**
 * The file store's contract (quota, trash, image collection), run against
 * SQLite and PostgreSQL: both must behave the same for the relay.
 */
import { expect, it } from 'vitest';
import { describeStores } from '../db/test-databases.ts';
import type { FileStore } from './types.ts';

function file(fill: number, size = 100) {
  return { contentType: 'image/png' as const, bytes: new Uint8Array(size).fill(fill) };
}

describeStores('FileStore', (h) => {
  const fresh = async (): Promise<FileStore> => (await h.fresh()).files;
  it('stores nothing past the quota and counts a file already stored as nothing', async () => {
    const store = await fresh();
    expect(await store.put('s1', 'a', file(1), 'ada', 250)).toEqual({ status: 'created' });
    expect(await store.put('s1', 'b', file(2), 'ada', 250)).toEqual({ status: 'created' });
    expect(await store.put('s1', 'c', file(3), 'ada', 250)).toEqual({
      status: 'quota-exceeded',
      usedBytes: 200,
    });
    expect(await store.get('s1', 'c')).toBeNull();
    expect(await store.put('s1', 'a', file(9), 'grace', 0)).toEqual({ status: 'exists' });
    expect((await store.get('s1', 'a'))?.bytes[0]).toBe(1);
    expect(await store.put('s2', 'c', file(3), 'ada', null)).toEqual({ status: 'created' });
    expect(await store.usedBytes('s1')).toBe(200);
    expect(await store.usedBytes('s2')).toBe(100);
    expect(await store.usedBytes('none')).toBe(0);
    expect((await store.spacesWithFiles()).sort()).toEqual(['s1', 's2']);
  });

  it('lets only one of two concurrent uploads take the last free bytes', async () => {
    const store = await fresh();
    const results = await Promise.all([
      store.put('s1', 'a', file(1), 'ada', 150),
      store.put('s1', 'b', file(2), 'grace', 150),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'quota-exceeded']);
    expect(await store.usedBytes('s1')).toBe(100);
  });

  it('round-trips bytes and lists files newest first with their trash state', async () => {
    const store = await fresh();
    const big = new Uint8Array(300_000).map((_, i) => i % 251);
    await store.put('s1', 'big', { contentType: 'image/webp', bytes: big }, 'ada', null);
    await store.put('s1', 'small', file(7), 'grace', null);
    expect(await store.get('s1', 'big')).toEqual({ contentType: 'image/webp', bytes: big });
    expect(await store.trash('s1', 'small', 5000)).toBe(true);
    expect(await store.trash('s1', 'small', 6000)).toBe(false);
    expect(await store.get('s1', 'small')).toBeNull();
    const listed = await store.list('s1');
    expect(listed.map((f) => [f.fileId, f.bytes, f.deletedAt])).toEqual(
      expect.arrayContaining([
        ['big', 300_000, null],
        ['small', 100, 5000],
      ]),
    );
    expect(listed.find((f) => f.fileId === 'small')).toMatchObject({
      contentType: 'image/png',
      createdBy: 'grace',
    });
    expect(await store.restore('s1', 'small')).toBe(true);
    expect(await store.restore('s1', 'small')).toBe(false);
    await store.trash('s1', 'small', 5000);
    expect(await store.purgeTrashed(4999)).toBe(0);
    expect(await store.purgeTrashed(5000)).toBe(1);
    await store.purgeSpace('s1');
    expect(await store.list('s1')).toEqual([]);
  });

  it('collects an unreferenced image only after its grace, and forgives a referenced one', async () => {
    const store = await fresh();
    await store.put('s1', 'kept', file(1), 'ada', null);
    await store.put('s1', 'gone', file(2), 'ada', null);
    await store.put('s1', 'back', file(3), 'ada', null);
    expect(await store.collect('s1', new Set(['kept']), 1000, 500)).toEqual([]);
    expect(await store.collect('s1', new Set(['kept', 'back']), 1400, 500)).toEqual([]);
    expect(await store.collect('s1', new Set(['kept']), 1500, 500)).toEqual(['gone']);
    // 'back' was referenced at 1400, so its grace started again at 1500.
    expect(await store.collect('s1', new Set(['kept']), 1999, 500)).toEqual([]);
    expect(await store.collect('s1', new Set(['kept']), 2000, 500)).toEqual(['back']);
    expect((await store.list('s1')).map((f) => f.fileId)).toEqual(['kept']);
  });
});
