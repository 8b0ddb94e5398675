import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite } from '../db/sqlite.ts';
import { SQLITE_HISTORY_MIGRATIONS as MIGRATIONS } from './schema.ts';
import { HISTORY_FILE, SqliteSnapshotStore } from './sqlite-snapshots.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-history-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function version(db: DatabaseSync): unknown {
  return db.prepare('PRAGMA user_version').get()?.['user_version'];
}

describe('history database', () => {
  it('migrates once to the newest version and keeps snapshots on reopening', () => {
    const dir = tempDir();
    const store = new SqliteSnapshotStore({ dataDir: dir });
    const state = new Uint8Array([1, 2, 3]);
    store.insert(
      {
        id: 'A'.repeat(22),
        spaceId: 'S',
        docId: 'd',
        createdAt: 5,
        createdBy: null,
        reason: 'scheduled',
      },
      state,
    );
    store.close();
    const again = new SqliteSnapshotStore({ dataDir: dir });
    expect(again.get('S', 'd', 'A'.repeat(22))?.state).toEqual(state);
    expect(again.get('S', 'other', 'A'.repeat(22))).toBeNull();
    again.close();
    const db = new DatabaseSync(join(dir, HISTORY_FILE));
    expect(version(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database written by a newer relay, and rolls back a failed migration', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    expect(() => {
      migrateSqlite(db, 'history', MIGRATIONS);
    }).toThrow(/newer than this relay/);
    const fresh = new DatabaseSync(':memory:');
    expect(() => {
      migrateSqlite(fresh, 'history', [
        { version: 1, name: 't', up: 'CREATE TABLE t (x)' },
        { version: 2, name: 'broken', up: 'CREATE TABLE u (y); THIS IS NOT SQL' },
      ]);
    }).toThrow();
    expect(version(fresh)).toBe(1);
    expect(fresh.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").get()).toBeUndefined();
    db.close();
    fresh.close();
  });
});
