import { existsSync, rmSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tempDataDir } from '../integration/helpers.ts';
import { openSqlite } from '../db/sqlite.ts';
import { SQLITE_DOC_MIGRATIONS } from './sqlite-migrations.ts';
import { SQLITE_FILE, SqliteStorage } from './sqlite.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  // Every test awaits close() first: the database files are closed, so removal cannot race it.
  for (const c of cleanups.splice(0)) c();
});
function dir(): string {
  const d = tempDataDir();
  cleanups.push(d.cleanup);
  return d.dir;
}
const bytes = (...b: number[]) => Uint8Array.from(b);

describe('SqliteStorage', () => {
  it('uses the WAL journal', async () => {
    const dataDir = dir();
    const storage = new SqliteStorage({ dataDir });
    const db = new DatabaseSync(join(dataDir, SQLITE_FILE));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    await storage.close();
  });

  it('rolls a failed compaction back, losing nothing', async () => {
    const storage = new SqliteStorage({ dataDir: dir() });
    storage.appendUpdate('a/x', bytes(1));
    const taken = storage.appendUpdate('b/y', bytes(5));
    // The merged row would collide with b/y's row: the delete must be undone.
    expect(() => {
      storage.compact('a/x', taken, bytes(9));
    }).toThrow();
    expect(storage.loadDoc('a/x').updates).toEqual([bytes(1)]);
    expect(storage.loadDoc('b/y').updates).toEqual([bytes(5)]);
    await storage.close();
  });

  it('checkpoints the WAL into the database file after a burst of writes, never inside a commit', async () => {
    const dataDir = dir();
    const errors: string[] = [];
    const storage = new SqliteStorage({
      dataDir,
      checkpointSchedule: { idleMs: 20 },
      onCheckpointError: (m) => errors.push(m),
    });
    const file = join(dataDir, SQLITE_FILE);
    const before = statSync(file).size;
    // ~2 MB: far past SQLite's 1000-page auto-checkpoint, which is off on this connection.
    for (let i = 0; i < 500; i++) storage.appendUpdate('a/x', new Uint8Array(4096).fill(i % 256));
    // Still this turn of the event loop: every write sits in the WAL, none was checkpointed.
    expect(statSync(file).size).toBe(before);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);
    await expect
      .poll(() => statSync(file).size, { timeout: 10_000 })
      .toBeGreaterThan(before + 1_000_000);
    expect(errors).toEqual([]);
    await storage.close();
  });

  it('folds the WAL into the database on close(), so the directory can go at once', async () => {
    for (let round = 0; round < 3; round++) {
      const data = tempDataDir();
      const storage = new SqliteStorage({ dataDir: data.dir });
      for (let i = 0; i < 50; i++) storage.appendUpdate('a/x', new Uint8Array(4096).fill(i));
      await storage.close();
      expect(existsSync(join(data.dir, `${SQLITE_FILE}-wal`))).toBe(false);
      // No retries: a file still held open would make this flaky.
      rmSync(data.dir, { recursive: true });
      expect(existsSync(data.dir)).toBe(false);
    }
  });

  it('back-fills markers when it migrates a database from before markers existed', async () => {
    const dataDir = dir();
    const source = new Y.Doc();
    source.getText('t').insert(0, 'old');
    // A version-1 file, as an older relay wrote it: updates, no markers.
    const old = openSqlite(join(dataDir, SQLITE_FILE), {
      store: 'documents',
      migrations: SQLITE_DOC_MIGRATIONS.slice(0, 1),
    });
    old
      .prepare('INSERT INTO updates (room, data) VALUES (?, ?)')
      .run('s1/legacy', Y.encodeStateAsUpdate(source));
    old.close();
    const reopened = new SqliteStorage({ dataDir });
    const [marker] = reopened.listMarkers('s1');
    expect(marker?.docId).toBe('legacy');
    expect(marker?.updatedAt).toBe(0);
    expect(marker?.updatedBy).toBeNull();
    expect(Y.decodeStateVector(marker?.stateVector ?? bytes())).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(source)),
    );
    expect(reopened.loadDoc('s1/legacy').updates).toHaveLength(1);
    await reopened.close();
  });
});
