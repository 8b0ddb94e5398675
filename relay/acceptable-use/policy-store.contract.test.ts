/**
 * The acceptable-use policy store's contract, run against SQLite and
 * PostgreSQL: versions number 1, 2, 3 and survive a reopen, the newest is
 * current, acceptances are per version and per person (the first record
 * kept), and counts and lists are per version.
 */
import { expect, it } from 'vitest';
import { describeStores } from '../db/test-databases.ts';
import type { PolicyStore } from './types.ts';

describeStores('PolicyStore', (h) => {
  const fresh = async (): Promise<PolicyStore> => (await h.fresh()).policy;
  const reopen = async (): Promise<PolicyStore> => (await h.reopen()).policy;
  it('has nothing current until a version is published', async () => {
    const store = await fresh();
    expect(await store.current()).toBeNull();
    expect(await store.versions()).toEqual([]);
    expect(await store.acceptedVersion('ada')).toBeNull();
    expect(await store.acceptances(1, 10)).toEqual({ count: 0, list: [] });
  });

  it('numbers versions 1, 2, 3 with who and when, newest current, across a reopen', async () => {
    const first = await fresh();
    const v1 = await first.publish('# Rules\n\nBe kind.', 'hedy', 1000);
    expect(v1).toEqual({
      version: 1,
      text: '# Rules\n\nBe kind.',
      publishedAt: 1000,
      publishedBy: 'hedy',
    });
    await h.closeAll();
    const store = await reopen();
    expect(await store.current()).toEqual(v1);
    const v2 = await store.publish('Be kinder.', 'grace', 2000);
    expect(v2.version).toBe(2);
    expect(await store.current()).toEqual(v2);
    expect((await store.versions()).map((v) => v.version)).toEqual([2, 1]);
    expect((await store.versions())[1]).toEqual(v1);
  });

  it('gives concurrent publishes distinct numbers', async () => {
    const store = await fresh();
    const published = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        Promise.resolve(store.publish(`text ${String(i)}`, 'hedy', i)),
      ),
    );
    expect(published.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('records acceptances per person and version, keeping the first', async () => {
    const store = await fresh();
    await store.publish('one', 'hedy', 1);
    await store.accept({ userId: 'ada', version: 1, at: 10, ip: '10.0.0.1', client: 'app' });
    await store.accept({ userId: 'ada', version: 1, at: 99, ip: null, client: null });
    await store.accept({ userId: 'grace', version: 1, at: 20, ip: null, client: null });
    expect(await store.acceptedVersion('ada')).toBe(1);
    expect(await store.acceptedVersion('alan')).toBeNull();
    expect(await store.acceptances(1, 10)).toEqual({
      count: 2,
      list: [
        { userId: 'grace', at: 20 },
        { userId: 'ada', at: 10 },
      ],
    });
    expect(await store.acceptances(1, 1)).toEqual({
      count: 2,
      list: [{ userId: 'grace', at: 20 }],
    });

    await store.publish('two', 'hedy', 2);
    expect(await store.acceptances(2, 10)).toEqual({ count: 0, list: [] });
    await store.accept({ userId: 'ada', version: 2, at: 30, ip: null, client: null });
    expect(await store.acceptedVersion('ada')).toBe(2);
    expect(await store.acceptedVersion('grace')).toBe(1);
  });
});
