import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { SqliteSpaceStore } from './sqlite-store.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function store(): { store: SqliteSpaceStore; dir: string } {
  const data = tempDataDir();
  cleanups.push(data.cleanup);
  return { store: new SqliteSpaceStore({ dataDir: data.dir }), dir: data.dir };
}

describe('SqliteSpaceStore', () => {
  it('creates spaces with an owner, lists them per person, and survives a reopen', () => {
    const { store: s, dir } = store();
    s.createSpace({ id: 'b', name: 'beta' }, 'ada');
    s.createSpace({ id: 'a', name: 'Alpha' }, 'ada');
    expect(s.spacesOf('ada')).toEqual([
      { id: 'a', name: 'Alpha', role: 'owner' },
      { id: 'b', name: 'beta', role: 'owner' },
    ]);
    expect(s.roleOf('a', 'grace')).toBeNull();
    expect(s.roleOf('nope', 'ada')).toBeNull();
    s.close();
    const again = new SqliteSpaceStore({ dataDir: dir });
    expect(again.getSpace('a')).toEqual({ id: 'a', name: 'Alpha' });
    expect(again.roleOf('b', 'ada')).toBe('owner');
    again.close();
  });

  it('keeps at least one owner: demoting or removing the last one is refused and changes nothing', () => {
    const { store: s } = store();
    s.createSpace({ id: 'x', name: 'X' }, 'ada');
    expect(s.setRole('x', 'ada', 'editor')).toBe('last-owner');
    expect(s.removeMember('x', 'ada')).toBe('last-owner');
    expect(s.roleOf('x', 'ada')).toBe('owner');
    expect(s.setRole('x', 'grace', 'owner')).toBe('ok');
    expect(s.setRole('x', 'ada', 'viewer')).toBe('ok');
    expect(s.removeMember('x', 'nobody')).toBe('not-member');
    expect(s.removeMember('x', 'ada')).toBe('ok');
    expect(s.members('x').map((m) => [m.id, m.role])).toEqual([['grace', 'owner']]);
    s.close();
  });

  it('records people, joins them to members, and searches literally (no LIKE wildcards)', () => {
    const { store: s } = store();
    s.upsertPerson({ id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com' });
    s.upsertPerson({ id: 'u2', name: '100% Grace', email: 'grace@example.com' });
    s.upsertPerson({ id: 'u1', name: 'Ada King', email: 'ada@example.com' });
    expect(s.getPerson('u1')).toEqual({ id: 'u1', name: 'Ada King', email: 'ada@example.com' });
    expect(s.searchPeople('KING', 10).map((p) => p.id)).toEqual(['u1']);
    expect(s.searchPeople('%', 10).map((p) => p.id)).toEqual(['u2']);
    expect(s.searchPeople('_', 10)).toEqual([]);
    expect(s.searchPeople('', 1)).toHaveLength(1);
    s.createSpace({ id: 'x', name: 'X' }, 'u1');
    s.setRole('x', 'stranger', 'viewer');
    expect(s.members('x')).toEqual([
      { id: 'u1', name: 'Ada King', email: 'ada@example.com', role: 'owner' },
      { id: 'stranger', role: 'viewer' },
    ]);
    s.close();
  });
});
