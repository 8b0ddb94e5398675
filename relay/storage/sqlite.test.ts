import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { SQLITE_FILE, SqliteStorage } from './sqlite.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dir(): string {
  const d = tempDataDir();
  cleanups.push(d.cleanup);
  return d.dir;
}
const bytes = (...b: number[]) => Uint8Array.from(b);

describe('SqliteStorage', () => {
  it('appends per room in order and reads them back after reopening', () => {
    const dataDir = dir();
    const storage = new SqliteStorage({ dataDir });
    const s1 = storage.appendUpdate('a/x', bytes(1));
    storage.appendUpdate('b/y', bytes(9));
    const s2 = storage.appendUpdate('a/x', bytes(2, 2));
    expect(s2).toBeGreaterThan(s1);
    storage.close();
    const reopened = new SqliteStorage({ dataDir });
    expect(reopened.loadDoc('a/x')).toEqual({ updates: [bytes(1), bytes(2, 2)], lastSeq: s2 });
    expect(reopened.loadDoc('none/here')).toEqual({ updates: [], lastSeq: 0 });
    reopened.close();
  });

  it('uses the WAL journal', () => {
    const dataDir = dir();
    const storage = new SqliteStorage({ dataDir });
    const db = new DatabaseSync(join(dataDir, SQLITE_FILE));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    storage.close();
  });

  it('compacts rows up to a sequence number and keeps later ones after the merged row', () => {
    const storage = new SqliteStorage({ dataDir: dir() });
    storage.appendUpdate('a/x', bytes(1));
    const through = storage.appendUpdate('a/x', bytes(2));
    storage.appendUpdate('b/y', bytes(7));
    const later = storage.appendUpdate('a/x', bytes(3));
    storage.compact('a/x', through, bytes(12));
    expect(storage.loadDoc('a/x')).toEqual({ updates: [bytes(12), bytes(3)], lastSeq: later });
    expect(storage.loadDoc('b/y').updates).toEqual([bytes(7)]);
    storage.close();
  });

  it('rolls a failed compaction back, losing nothing', () => {
    const storage = new SqliteStorage({ dataDir: dir() });
    storage.appendUpdate('a/x', bytes(1));
    const taken = storage.appendUpdate('b/y', bytes(5));
    // The merged row would collide with b/y's row: the delete must be undone.
    expect(() => {
      storage.compact('a/x', taken, bytes(9));
    }).toThrow();
    expect(storage.loadDoc('a/x').updates).toEqual([bytes(1)]);
    expect(storage.loadDoc('b/y').updates).toEqual([bytes(5)]);
    storage.close();
  });

  it('checkpoints the WAL into the database file from its worker thread, not on commit', async () => {
    const dataDir = dir();
    const errors: string[] = [];
    const storage = new SqliteStorage({
      dataDir,
      checkpointIntervalMs: 20,
      onCheckpointError: (m) => errors.push(m),
    });
    const file = join(dataDir, SQLITE_FILE);
    const before = statSync(file).size;
    // ~2 MB: far past SQLite's 1000-page auto-checkpoint, which is off on this connection.
    for (let i = 0; i < 500; i++) storage.appendUpdate('a/x', new Uint8Array(4096).fill(i % 256));
    await expect
      .poll(() => statSync(file).size, { timeout: 10_000 })
      .toBeGreaterThan(before + 1_000_000);
    expect(errors).toEqual([]);
    storage.close();
  });
});
