import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { orderedMigrations } from './migrations.ts';
import { openSqlite, sqliteTransaction, sqliteVersion, type SqliteMigration } from './sqlite.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function file(): string {
  const dir = tempDataDir();
  cleanups.push(dir.cleanup);
  return join(dir.dir, 'test.sqlite');
}

const MIGRATIONS: SqliteMigration[] = [
  { version: 1, name: 'table', up: 'CREATE TABLE t (v INTEGER NOT NULL)' },
  {
    version: 2,
    name: 'seed',
    up: (db) => {
      db.exec('INSERT INTO t (v) VALUES (1)');
    },
  },
];

describe('openSqlite', () => {
  it('applies only the missing migrations, in order, and records the version', () => {
    const path = file();
    const first = openSqlite(path, { store: 'test', migrations: MIGRATIONS.slice(0, 1) });
    expect(sqliteVersion(first)).toBe(1);
    first.close();
    const second = openSqlite(path, { store: 'test', migrations: MIGRATIONS });
    expect(sqliteVersion(second)).toBe(2);
    expect(second.prepare('SELECT v FROM t').all()).toEqual([{ v: 1 }]);
    second.close();
    const third = openSqlite(path, { store: 'test', migrations: MIGRATIONS });
    expect(third.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    third.close();
  });

  it('rolls a failing migration back with its version bump', () => {
    const path = file();
    const broken: SqliteMigration[] = [
      ...MIGRATIONS,
      {
        version: 3,
        name: 'broken',
        up: 'INSERT INTO t (v) VALUES (3); INSERT INTO missing (v) VALUES (1)',
      },
    ];
    expect(() => openSqlite(path, { store: 'test', migrations: broken })).toThrow(/missing/);
    const db = openSqlite(path, { store: 'test', migrations: MIGRATIONS });
    expect(sqliteVersion(db)).toBe(2);
    expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }]);
    db.close();
  });

  it('refuses a list with gaps or repeats', () => {
    expect(() => orderedMigrations([{ version: 2, name: 'gap', up: '' }])).toThrow(/expected 1/);
  });
});

describe('sqliteTransaction', () => {
  it('commits what the function did, or undoes all of it when it throws', () => {
    const db = openSqlite(file(), { store: 'test', migrations: MIGRATIONS.slice(0, 1) });
    expect(
      sqliteTransaction(db, () => db.prepare('INSERT INTO t (v) VALUES (5)').run().changes),
    ).toBe(1);
    expect(() =>
      sqliteTransaction(db, () => {
        db.exec('INSERT INTO t (v) VALUES (6)');
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(db.prepare('SELECT v FROM t').all()).toEqual([{ v: 5 }]);
    db.close();
  });
});
