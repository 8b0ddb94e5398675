/** The directory's SQL on the spaces store's SQLite database. */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { Row } from '../spaces/rows.ts';
import type { SqlDb, SqlRunner } from './sql-directory.ts';

export function sqliteRunner(db: DatabaseSync): SqlDb {
  const runner: SqlRunner = {
    all: (sql, params) =>
      Promise.resolve(db.prepare(sql).all(...(params as SQLInputValue[])) as Row[]),
    run: (sql, params) =>
      Promise.resolve(Number(db.prepare(sql).run(...(params as SQLInputValue[])).changes)),
  };
  // node:sqlite answers synchronously, so the body's awaits only wait on
  // settled promises; one transaction at a time keeps two bodies from
  // sharing a BEGIN.
  let tail: Promise<unknown> = Promise.resolve();
  return {
    ...runner,
    transaction: (body) => {
      const next = tail.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await body(runner);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      });
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
