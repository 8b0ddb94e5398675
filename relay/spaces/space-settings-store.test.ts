// Space settings in the SQLite store, and the migration of
// a database made before the icon and description columns existed.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { SPACES_FILE, SqliteSpaceStore } from './sqlite-store.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function dataDir(): string {
  const data = tempDataDir();
  cleanups.push(data.cleanup);
  return data.dir;
}

describe('SqliteSpaceStore space settings', () => {
  it('migrates a database without icon and description, keeping its spaces and members', () => {
    const dir = dataDir();
    // The schema as the first release created it.
    const old = new DatabaseSync(join(dir, SPACES_FILE));
    old.exec(`
      CREATE TABLE spaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE members (space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (space_id, user_id));
      CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT, email TEXT, last_seen INTEGER NOT NULL);
      INSERT INTO spaces VALUES ('s1', 'Legacy', 1);
      INSERT INTO members VALUES ('s1', 'ada', 'owner');
    `);
    old.close();

    const store = new SqliteSpaceStore({ dataDir: dir });
    expect(store.spacesOf('ada')).toEqual([{ id: 's1', name: 'Legacy', role: 'owner' }]);
    expect(store.updateSpace('s1', { icon: '📚', description: 'Old notes' })).toEqual({
      id: 's1',
      name: 'Legacy',
      icon: '📚',
      description: 'Old notes',
    });
    store.close();

    // Opening again migrates nothing twice and keeps the new values.
    const again = new SqliteSpaceStore({ dataDir: dir });
    expect(again.getSpace('s1')).toEqual({
      id: 's1',
      name: 'Legacy',
      icon: '📚',
      description: 'Old notes',
    });
    expect(again.roleOf('s1', 'ada')).toBe('owner');
    again.close();
  });

  it('updates only the fields given; null clears; an unknown space is null', () => {
    const store = new SqliteSpaceStore({ dataDir: dataDir() });
    store.createSpace({ id: 'x', name: 'X', icon: '🧪', description: 'Lab' }, 'ada');
    expect(store.updateSpace('x', { name: 'Y' })).toEqual({
      id: 'x',
      name: 'Y',
      icon: '🧪',
      description: 'Lab',
    });
    expect(store.updateSpace('x', { description: null })).toEqual({
      id: 'x',
      name: 'Y',
      icon: '🧪',
    });
    expect(store.updateSpace('x', { icon: null })).toEqual({ id: 'x', name: 'Y' });
    expect(store.updateSpace('nope', { name: 'Z' })).toBeNull();
    expect(store.spacesOf('ada')).toEqual([{ id: 'x', name: 'Y', role: 'owner' }]);
    store.close();
  });
});
