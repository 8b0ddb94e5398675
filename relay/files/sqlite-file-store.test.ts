// The file store's quota accounting on real SQLite (node:sqlite).
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { FILES_FILE, SqliteFileStore } from './sqlite-file-store.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function file(fill: number) {
  return { contentType: 'image/png' as const, bytes: new Uint8Array(100).fill(fill) };
}

describe('SqliteFileStore quota accounting', () => {
  it('stores nothing past the quota, counts a file already stored as nothing, per space', () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const store = new SqliteFileStore({ dataDir: data.dir });
    try {
      expect(store.put('s1', 'a', file(1), 'ada', 250)).toEqual({ status: 'created' });
      expect(store.put('s1', 'b', file(2), 'ada', 250)).toEqual({ status: 'created' });
      expect(store.put('s1', 'c', file(3), 'ada', 250)).toEqual({
        status: 'quota-exceeded',
        usedBytes: 200,
      });
      expect(store.get('s1', 'c')).toBeNull();
      // Already stored: no quota check, nothing added, the first copy kept.
      expect(store.put('s1', 'a', file(9), 'grace', 0)).toEqual({ status: 'exists' });
      expect(store.get('s1', 'a')?.bytes[0]).toBe(1);
      expect(store.put('s2', 'c', file(3), 'ada', null)).toEqual({ status: 'created' });
      expect(store.usedBytes('s1')).toBe(200);
      expect(store.usedBytes('s2')).toBe(100);
      expect(store.usedBytes('none')).toBe(0);
    } finally {
      store.close();
    }
  });

  it('keeps the quota across a reopen and sums it from a covering index, never the blobs', () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const first = new SqliteFileStore({ dataDir: data.dir });
    first.put('s1', 'a', file(1), 'ada', null);
    first.close();
    const again = new SqliteFileStore({ dataDir: data.dir });
    expect(again.usedBytes('s1')).toBe(100);
    again.close();
    const db = new DatabaseSync(join(data.dir, FILES_FILE));
    try {
      const plan = db
        .prepare('EXPLAIN QUERY PLAN SELECT COALESCE(SUM(size), 0) FROM files WHERE space_id = ?')
        .all('s1')
        .map((row) => String(row['detail']));
      expect(plan.join('\n')).toContain('USING COVERING INDEX files_space_size');
    } finally {
      db.close();
    }
  });
});
