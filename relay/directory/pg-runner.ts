/** The directory's SQL on the PostgreSQL pool: `?` placeholders become `$n`. */
import type pg from 'pg';
import { pgTransaction } from '../db/postgres.ts';
import type { Row } from '../spaces/rows.ts';
import type { SqlDb, SqlRunner } from './sql-directory.ts';

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${String((n += 1))}`);
}

function runnerOn(db: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    all: async (sql, params) => (await db.query<Row>(numbered(sql), [...params])).rows,
    run: async (sql, params) => (await db.query(numbered(sql), [...params])).rowCount ?? 0,
  };
}

export function pgRunner(pool: pg.Pool): SqlDb {
  return {
    ...runnerOn(pool),
    transaction: (body) => pgTransaction(pool, (client) => body(runnerOn(client))),
  };
}
