/**
 * The open-spaces part of the spaces store (visibility, directory, joining),
 * run against SQLite and PostgreSQL: both must behave the same.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendTitle, databaseBackends } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';

for (const backend of databaseBackends()) {
  const suite = backend.unavailable === null ? describe : describe.skip;
  suite(backendTitle(backend, 'OpenSpaceStore'), () => {
    beforeAll(() => backend.setUp(), 60_000);
    afterAll(() => backend.tearDown());
    const open: RelayStores[] = [];
    afterEach(async () => {
      for (const stores of open.splice(0)) await stores.close();
    });
    async function fresh(): Promise<RelayStores> {
      const stores = await (await backend.location()).open();
      open.push(stores);
      return stores;
    }

    it('spaces are private by default; owners open them; the directory finds open live ones', async () => {
      const s = (await fresh()).spaces;
      await s.createSpace({ id: 'a', name: 'Alpha', description: 'Team handbook' }, 'ada');
      await s.createSpace({ id: 'b', name: 'beta' }, 'ada');
      await s.createSpace({ id: 'c', name: 'Gamma' }, 'grace');
      expect(await s.openSpaces.visibilityOf('a')).toEqual({
        visibility: 'private',
        joinRole: 'viewer',
      });
      expect(await s.openSpaces.visibilityOf('nope')).toBeNull();
      expect(await s.openSpaces.listOpen('alan', '', 10)).toEqual([]);
      const open = { visibility: 'open', joinRole: 'editor' } as const;
      expect(await s.openSpaces.setVisibility('a', open)).toBe(true);
      expect(await s.openSpaces.setVisibility('b', { ...open, joinRole: 'viewer' })).toBe(true);
      expect(await s.openSpaces.setVisibility('nope', open)).toBe(false);
      await s.setRole('a', 'grace', 'viewer');
      const listed = await s.openSpaces.listOpen('grace', '', 10);
      expect(listed).toEqual([
        {
          space: { id: 'a', name: 'Alpha', description: 'Team handbook' },
          joinRole: 'editor',
          members: 2,
          myRole: 'viewer',
        },
        { space: { id: 'b', name: 'beta' }, joinRole: 'viewer', members: 1, myRole: null },
      ]);
      // Name or description, case-insensitive; LIKE wildcards are literal.
      expect((await s.openSpaces.listOpen('x', 'HANDBOOK', 10)).map((r) => r.space.id)).toEqual([
        'a',
      ]);
      expect((await s.openSpaces.listOpen('x', 'ET', 10)).map((r) => r.space.id)).toEqual(['b']);
      expect(await s.openSpaces.listOpen('x', '%', 10)).toEqual([]);
      expect(await s.openSpaces.listOpen('x', '', 1)).toHaveLength(1);
      // A trashed space is neither listed nor open.
      expect(await s.trashSpace('b', 1)).toBe(true);
      expect((await s.openSpaces.listOpen('x', '', 10)).map((r) => r.space.id)).toEqual(['a']);
      expect(await s.openSpaces.visibilityOf('b')).toBeNull();
    });

    it('joins an open space with its join role, keeps an existing role, refuses private ones', async () => {
      const s = (await fresh()).spaces;
      await s.createSpace({ id: 'o', name: 'Open' }, 'ada');
      await s.createSpace({ id: 'p', name: 'Private' }, 'ada');
      await s.openSpaces.setVisibility('o', { visibility: 'open', joinRole: 'editor' });
      expect(await s.openSpaces.join('o', 'alan')).toBe('editor');
      expect(await s.roleOf('o', 'alan')).toBe('editor');
      expect(await s.openSpaces.join('o', 'ada')).toBe('owner');
      await s.setRole('o', 'alan', 'viewer');
      expect(await s.openSpaces.join('o', 'alan')).toBe('viewer');
      expect(await s.openSpaces.join('p', 'alan')).toBeNull();
      expect(await s.roleOf('p', 'alan')).toBeNull();
      expect(await s.openSpaces.join('nope', 'alan')).toBeNull();
      expect(await s.removeMember('o', 'alan')).toBe('ok');
      expect(await s.openSpaces.join('o', 'alan')).toBe('editor');
    });
  });
}
