/**
 * Runs the knowledge store's SQL on one backend: SQLite (`knowledge.sqlite`,
 * synchronous, answers wrapped in promises) or PostgreSQL (`$n`
 * placeholders). `batch` runs several statements in one transaction, so a
 * flush of many edit counts is one commit.
 */
import { join } from 'node:path';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type pg from 'pg';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import { pgTransaction } from '../db/postgres.ts';
import { SQLITE_KNOWLEDGE_MIGRATIONS } from './schema.ts';

export type Param = string | number | null;
export type Row = Record<string, unknown>;
export type Statement = readonly [sql: string, params: readonly Param[]];

export interface KnowledgeRunner {
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  batch(statements: readonly Statement[]): Promise<void>;
  close(): Promise<void>;
}

/** File name of the knowledge database inside the data directory. */
export const KNOWLEDGE_FILE = 'knowledge.sqlite';

/** Opens (creating if needed) `knowledge.sqlite` in `dataDir` with its schema up to date. */
export function openKnowledgeSqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, KNOWLEDGE_FILE), {
    store: 'knowledge',
    migrations: SQLITE_KNOWLEDGE_MIGRATIONS,
  });
}

/** `knowledge.sqlite` in `dataDir`, schema up to date. */
export function knowledgeSqlite(dataDir: string): KnowledgeRunner {
  const db = openKnowledgeSqlite(dataDir);
  let closed = false;
  return {
    all: (sql, params = []) => Promise.resolve(db.prepare(sql).all(...(params as SQLInputValue[]))),
    batch: (statements) => {
      sqliteTransaction(db, () => {
        for (const [sql, params] of statements) db.prepare(sql).run(...(params as SQLInputValue[]));
      });
      return Promise.resolve();
    },
    close: () => {
      if (!closed) {
        closed = true;
        closeSqlite(db);
      }
      return Promise.resolve();
    },
  };
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${String((n += 1))}`);
}

/** The pool's database (migrated by relay/db/stores.ts); the pool's owner closes it. */
export function knowledgePostgres(pool: pg.Pool): KnowledgeRunner {
  return {
    all: async (sql, params = []) => (await pool.query(numbered(sql), [...params])).rows as Row[],
    batch: (statements) =>
      pgTransaction(pool, async (client) => {
        for (const [sql, params] of statements) await client.query(numbered(sql), [...params]);
      }),
    close: () => Promise.resolve(),
  };
}
