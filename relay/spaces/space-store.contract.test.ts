/**
 * The spaces store's contract (spaces, members, settings, trash, people),
 * run against SQLite and PostgreSQL: both must behave the same for the relay.
 */
import { expect, it } from 'vitest';
import { describeStores } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';

describeStores('SpaceStore', (h) => {
  const fresh = (): Promise<RelayStores> => h.fresh();
  const reopen = (): Promise<RelayStores> => h.reopen();
  it('creates spaces with an owner, lists them per person, and survives a reopen', async () => {
    const first = await fresh();
    const s = first.spaces;
    await s.createSpace({ id: 'b', name: 'beta' }, 'ada');
    await s.createSpace({ id: 'a', name: 'Alpha' }, 'ada');
    expect(await s.spacesOf('ada')).toEqual([
      { id: 'a', name: 'Alpha', role: 'owner' },
      { id: 'b', name: 'beta', role: 'owner' },
    ]);
    expect(await s.roleOf('a', 'grace')).toBeNull();
    expect(await s.roleOf('nope', 'ada')).toBeNull();
    await first.close();
    const again = (await reopen()).spaces;
    expect(await again.getSpace('a')).toEqual({ id: 'a', name: 'Alpha' });
    expect(await again.roleOf('b', 'ada')).toBe('owner');
  });

  it('keeps at least one owner: demoting or removing the last one is refused', async () => {
    const s = (await fresh()).spaces;
    await s.createSpace({ id: 'x', name: 'X' }, 'ada');
    expect(await s.setRole('x', 'ada', 'editor')).toBe('last-owner');
    expect(await s.removeMember('x', 'ada')).toBe('last-owner');
    expect(await s.roleOf('x', 'ada')).toBe('owner');
    expect(await s.setRole('x', 'grace', 'owner')).toBe('ok');
    expect(await s.setRole('x', 'ada', 'viewer')).toBe('ok');
    expect(await s.removeMember('x', 'nobody')).toBe('not-member');
    expect(await s.removeMember('x', 'ada')).toBe('ok');
    expect((await s.members('x')).map((m) => [m.id, m.role])).toEqual([['grace', 'owner']]);
  });

  it('never lets two concurrent demotions leave a space without an owner', async () => {
    const s = (await fresh()).spaces;
    await s.createSpace({ id: 'x', name: 'X' }, 'ada');
    await s.setRole('x', 'grace', 'owner');
    const results = await Promise.all([
      s.setRole('x', 'ada', 'viewer'),
      s.setRole('x', 'grace', 'viewer'),
    ]);
    expect(results.sort()).toEqual(['last-owner', 'ok']);
    expect((await s.members('x')).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('records people, joins them to members, and searches literally (no LIKE wildcards)', async () => {
    const s = (await fresh()).spaces;
    await s.upsertPerson({ id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com' });
    await s.upsertPerson({ id: 'u2', name: '100% Grace', email: 'grace@example.com' });
    await s.upsertPerson({ id: 'u1', name: 'Ada King', email: 'ada@example.com' });
    expect(await s.getPerson('u1')).toEqual({
      id: 'u1',
      name: 'Ada King',
      email: 'ada@example.com',
    });
    expect((await s.searchPeople('KING', 10)).map((p) => p.id)).toEqual(['u1']);
    expect((await s.searchPeople('%', 10)).map((p) => p.id)).toEqual(['u2']);
    expect(await s.searchPeople('_', 10)).toEqual([]);
    expect(await s.searchPeople('', 1)).toHaveLength(1);
    await s.createSpace({ id: 'x', name: 'X' }, 'u1');
    await s.setRole('x', 'stranger', 'viewer');
    expect(await s.members('x')).toEqual([
      { id: 'u1', name: 'Ada King', email: 'ada@example.com', role: 'owner' },
      { id: 'stranger', role: 'viewer' },
    ]);
  });

  it('updates only the settings given; null clears; an unknown space is null', async () => {
    const s = (await fresh()).spaces;
    await s.createSpace({ id: 'x', name: 'X', icon: '🧪', description: 'Lab' }, 'ada');
    expect(await s.updateSpace('x', { name: 'Y' })).toEqual({
      id: 'x',
      name: 'Y',
      icon: '🧪',
      description: 'Lab',
    });
    expect(await s.updateSpace('x', { description: null })).toEqual({
      id: 'x',
      name: 'Y',
      icon: '🧪',
    });
    expect(await s.updateSpace('x', { icon: null })).toEqual({ id: 'x', name: 'Y' });
    expect(await s.updateSpace('nope', { name: 'Z' })).toBeNull();
    expect(await s.spacesOf('ada')).toEqual([{ id: 'x', name: 'Y', role: 'owner' }]);
  });

  it('trashes, restores and purges a space with its memberships', async () => {
    const s = (await fresh()).spaces;
    await s.createSpace({ id: 'x', name: 'X' }, 'ada');
    await s.setRole('x', 'grace', 'editor');
    expect(await s.trashSpace('x', 1000)).toBe(true);
    expect(await s.trashSpace('x', 2000)).toBe(false);
    expect(await s.getSpace('x')).toBeNull();
    expect(await s.roleOf('x', 'grace')).toBeNull();
    expect(await s.spacesOf('ada')).toEqual([]);
    expect(await s.trashOf('ada')).toEqual([{ space: { id: 'x', name: 'X' }, deletedAt: 1000 }]);
    expect(await s.trashOf('grace')).toEqual([]);
    expect(await s.trashedBefore(999)).toEqual([]);
    expect(await s.trashedBefore(1000)).toEqual(['x']);
    expect(await s.restoreSpace('x')).toBe(true);
    expect(await s.roleOf('x', 'grace')).toBe('editor');
    expect(await s.purgeSpace('x')).toBe(false);
    await s.trashSpace('x', 3000);
    expect(await s.purgeSpace('x')).toBe(true);
    expect(await s.members('x')).toEqual([]);
    // The id is free again: nothing of the purged space is left behind.
    await s.createSpace({ id: 'x', name: 'New' }, 'grace');
    expect((await s.members('x')).map((m) => m.id)).toEqual(['grace']);
  });

  it('lists every space for admins: metadata, member count, owners, trashed ones too', async () => {
    const s = (await fresh()).spaces;
    await s.createSpace({ id: 'b', name: 'beta', icon: '🚀' }, 'ada');
    await s.createSpace({ id: 'a', name: 'Alpha' }, 'grace');
    await s.setRole('b', 'grace', 'owner');
    await s.setRole('b', 'alan', 'viewer');
    await s.trashSpace('a', 5000);
    const all = await s.allSpaces();
    expect(all.map((x) => [x.id, x.members, x.owners, x.deletedAt])).toEqual([
      ['a', 1, ['grace'], 5000],
      ['b', 3, ['ada', 'grace'], null],
    ]);
    expect(all[1]).toMatchObject({ name: 'beta', icon: '🚀' });
    expect(all[1]?.createdAt).toBeGreaterThan(0);
  });
});
