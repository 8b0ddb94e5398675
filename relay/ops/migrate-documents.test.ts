/**
 * Copying a SQLite data directory's documents into PostgreSQL: every room
 * arrives with the same content and marker, its state vector is verified,
 * and running it twice changes nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { tempDataDir } from '../integration/helpers.ts';
import { silentLogger } from '../log.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import { runMigrateCommand } from './migrate-cli.ts';
import { migrateDocuments } from './migrate-documents.ts';

const reason = postgresUnavailable();
(reason === null ? describe : describe.skip)(
  reason === null ? 'migrate SQLite documents to PostgreSQL' : `migrate (skipped: ${reason})`,
  () => {
    let server: TestPostgres;
    const cleanups: (() => void)[] = [];
    beforeAll(async () => {
      server = await startTestPostgres();
    }, 60_000);
    afterAll(() => server.stop());
    afterEach(() => {
      for (const cleanup of cleanups.splice(0)) cleanup();
    });

    async function textIn(storage: PostgresStorage, room: string): Promise<string> {
      const doc = new Y.Doc();
      for (const update of (await storage.loadDoc(room)).updates) Y.applyUpdate(doc, update);
      return doc.getText('body').toJSON();
    }

    it('copies every document with its marker and verifies each state vector', async () => {
      const data = tempDataDir();
      cleanups.push(data.cleanup);
      const sqlite = new SqliteStorage({ dataDir: data.dir });
      const texts: Record<string, string> = {};
      for (const room of ['team/a', 'team/b', 'other/c']) {
        const doc = new Y.Doc();
        for (let i = 0; i < 5; i++) {
          const before = Y.encodeStateVector(doc);
          doc.getText('body').insert(i, String(i));
          sqlite.appendUpdate(room, Y.encodeStateAsUpdate(doc, before), {
            stateVector: Y.encodeStateVector(doc),
            by: 'ada',
            at: 1000 + i,
          });
        }
        texts[room] = doc.getText('body').toJSON();
      }
      await sqlite.close();
      const databaseUrl = await server.createDatabase();
      const report = await migrateDocuments({ dataDir: data.dir, databaseUrl, log: silentLogger });
      expect(report).toEqual({ rooms: 3, mismatched: [], unreadable: [] });
      const again = await migrateDocuments({ dataDir: data.dir, databaseUrl, log: silentLogger });
      expect(again.mismatched).toEqual([]);
      const pg = await PostgresStorage.open(databaseUrl);
      for (const [room, text] of Object.entries(texts)) expect(await textIn(pg, room)).toBe(text);
      const [marker] = await pg.listMarkers('other');
      expect(marker).toMatchObject({ docId: 'c', updatedAt: 1004, updatedBy: 'ada' });
      await pg.close();
    });

    it('runs as a command: exit 0 once verified, 2 without a database URL', async () => {
      const data = tempDataDir();
      cleanups.push(data.cleanup);
      const sqlite = new SqliteStorage({ dataDir: data.dir });
      const doc = new Y.Doc();
      doc.getText('body').insert(0, 'by command');
      sqlite.appendUpdate('team/cmd', Y.encodeStateAsUpdate(doc));
      await sqlite.close();
      const databaseUrl = await server.createDatabase();
      const stdout = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
      const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
      try {
        expect(await runMigrateCommand(['--data', data.dir], {}, '/')).toBe(2);
        expect(
          await runMigrateCommand(['--data', data.dir], { RELAY_DATABASE_URL: databaseUrl }, '/'),
        ).toBe(0);
      } finally {
        stdout.mockRestore();
        stderr.mockRestore();
      }
      const pg = await PostgresStorage.open(databaseUrl);
      expect(await textIn(pg, 'team/cmd')).toBe('by command');
      await pg.close();
    });
  },
);
