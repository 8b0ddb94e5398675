/**
 * The documents store opens a database left at any earlier schema version
 * (including an SQLite file from before versioning) and brings it up to date
 * without losing a stored update.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migratePostgres, openPostgres } from '../db/postgres.ts';
import { openSqlite, sqliteVersion } from '../db/sqlite.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { tempDataDir } from '../integration/helpers.ts';
import { PG_DOC_MIGRATIONS } from './postgres-migrations.ts';
import { PostgresStorage } from './postgres.ts';
import { SQLITE_DOC_MIGRATIONS } from './sqlite-migrations.ts';
import { SQLITE_FILE, SqliteStorage } from './sqlite.ts';

function noteUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('SQLite documents schema', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const dir = (): string => {
    const d = tempDataDir();
    cleanups.push(d.cleanup);
    return d.dir;
  };

  for (let from = 0; from < SQLITE_DOC_MIGRATIONS.length; from++) {
    it(`migrates from version ${String(from)} keeping stored updates`, async () => {
      const dataDir = dir();
      const file = join(dataDir, SQLITE_FILE);
      const old = openSqlite(file, {
        store: 'documents',
        migrations: SQLITE_DOC_MIGRATIONS.slice(0, from),
      });
      expect(sqliteVersion(old)).toBe(from);
      const stored = noteUpdate('kept');
      if (from >= 1)
        old.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run('s/n', stored);
      old.close();
      const storage = new SqliteStorage({ dataDir });
      if (from >= 1) expect(storage.loadDoc('s/n').updates).toEqual([stored]);
      storage.appendUpdate('s/m', stored, { stateVector: new Uint8Array([0]), by: null, at: 1 });
      expect(storage.listMarkers('s').map((m) => m.docId)).toEqual(from >= 1 ? ['m', 'n'] : ['m']);
      await storage.close();
      const check = new DatabaseSync(file);
      expect(sqliteVersion(check)).toBe(SQLITE_DOC_MIGRATIONS.length);
      check.close();
    });
  }

  it('adopts a file written before schema versions existed', async () => {
    const dataDir = dir();
    const legacy = new DatabaseSync(join(dataDir, SQLITE_FILE));
    legacy.exec(
      'CREATE TABLE updates (seq INTEGER PRIMARY KEY, room TEXT NOT NULL, data BLOB NOT NULL)',
    );
    const stored = noteUpdate('legacy');
    legacy.prepare('INSERT INTO updates (room, data) VALUES (?, ?)').run('s/old', stored);
    legacy.close();
    const storage = new SqliteStorage({ dataDir });
    expect(storage.loadDoc('s/old').updates).toEqual([stored]);
    expect(storage.listMarkers('s').map((m) => m.docId)).toEqual(['old']);
    await storage.close();
  });

  it('refuses a file from a newer relay, leaving it untouched', () => {
    const dataDir = dir();
    const file = join(dataDir, SQLITE_FILE);
    const newer = new DatabaseSync(file);
    newer.exec(`PRAGMA user_version = ${String(SQLITE_DOC_MIGRATIONS.length + 1)}`);
    newer.close();
    expect(() => new SqliteStorage({ dataDir })).toThrow(/newer than this relay knows/);
    const check = new DatabaseSync(file);
    expect(sqliteVersion(check)).toBe(SQLITE_DOC_MIGRATIONS.length + 1);
    check.close();
  });
});

const pgReason = postgresUnavailable();
(pgReason === null ? describe : describe.skip)(
  pgReason === null
    ? 'PostgreSQL documents schema'
    : `PostgreSQL documents schema (skipped: ${pgReason})`,
  () => {
    let server: TestPostgres;
    beforeAll(async () => {
      server = await startTestPostgres();
    }, 60_000);
    afterAll(() => server.stop());

    for (let from = 0; from < PG_DOC_MIGRATIONS.length; from++) {
      it(`migrates from version ${String(from)} keeping stored updates`, async () => {
        const url = await server.createDatabase();
        const pool = await openPostgres(url);
        await migratePostgres(pool, 'documents', PG_DOC_MIGRATIONS.slice(0, from));
        const stored = noteUpdate('kept');
        if (from >= 1) {
          await pool.query('INSERT INTO doc_updates (room, data) VALUES ($1, $2)', ['s/n', stored]);
        }
        await pool.end();
        const storage = await PostgresStorage.open(url);
        if (from >= 1) expect((await storage.loadDoc('s/n')).updates).toEqual([stored]);
        await storage.appendUpdate('s/m', stored, {
          stateVector: new Uint8Array([0]),
          by: null,
          at: 1,
        });
        expect((await storage.listMarkers('s')).map((m) => m.docId)).toEqual(['m']);
        await storage.close();
      });
    }

    it('lets several nodes start at once: one migrates, the others wait', async () => {
      const url = await server.createDatabase();
      const stores = await Promise.all([1, 2, 3].map(() => PostgresStorage.open(url)));
      const seq = await stores[0]?.appendUpdate('s/n', noteUpdate('x'));
      expect((await stores[2]?.loadDoc('s/n'))?.lastSeq).toBe(seq);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refuses a database from a newer relay', async () => {
      const url = await server.createDatabase();
      const pool = await openPostgres(url);
      await migratePostgres(pool, 'documents', [
        ...PG_DOC_MIGRATIONS,
        { version: PG_DOC_MIGRATIONS.length + 1, name: 'future', up: 'SELECT 1' },
      ]);
      await pool.end();
      await expect(PostgresStorage.open(url)).rejects.toThrow(/newer than this relay knows/);
    });
  },
);
