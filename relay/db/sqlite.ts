/**
 * The one way the relay opens a SQLite database: WAL journal, the chosen
 * `synchronous` level, a busy timeout, and the store's migrations applied up
 * to date under `PRAGMA user_version`, each in its own transaction.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { orderedMigrations, SchemaTooNewError, type Migration } from './migrations.ts';

/** SQLite `synchronous` levels the relay supports (see storage/sqlite.ts for the trade-off). */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export type SqliteMigration = Migration<DatabaseSync>;

export interface OpenSqliteOptions {
  /** Name of the store, in errors. */
  readonly store: string;
  readonly migrations: readonly SqliteMigration[];
  /** `NORMAL` by default. */
  readonly synchronous?: SqliteSynchronous;
  /**
   * Enforce foreign keys (SQLite leaves them off per connection by default);
   * a store whose schema cascades deletes through them needs this.
   */
  readonly foreignKeys?: boolean;
}

/** The schema version recorded in `db`. */
export function sqliteVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const version = row?.user_version;
  return typeof version === 'number' ? version : 0;
}

/**
 * Applies the migrations `db` lacks, each atomically with its version bump.
 * @throws SchemaTooNewError when the file was migrated further than `migrations` go.
 */
export function migrateSqlite(
  db: DatabaseSync,
  store: string,
  migrations: readonly SqliteMigration[],
): number {
  const ordered = orderedMigrations(migrations);
  const current = sqliteVersion(db);
  if (current > ordered.length) throw new SchemaTooNewError(store, current, ordered.length);
  for (const migration of ordered.slice(current)) {
    sqliteTransaction(db, () => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      // PRAGMA takes no parameters; the version is an integer from our own list.
      db.exec(`PRAGMA user_version = ${String(migration.version)}`);
    });
  }
  return ordered.length;
}

/** Opens (creating if needed) the SQLite file `file` and brings its schema up to date. */
export function openSqlite(file: string, options: OpenSqliteOptions): DatabaseSync {
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  try {
    const synchronous = options.synchronous ?? 'NORMAL';
    db.exec(
      `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA busy_timeout = 5000;`,
    );
    if (options.foreignKeys === true) db.exec('PRAGMA foreign_keys = ON');
    migrateSqlite(db, options.store, options.migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Runs `fn` in one write transaction (`BEGIN IMMEDIATE`: the write lock is
 * taken up front, so it cannot fail half-way on a lock upgrade) and commits,
 * or rolls back and rethrows.
 */
export function sqliteTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

/** Folds the WAL back into the file (so the data directory is one file per store) and closes. */
export function closeSqlite(db: DatabaseSync): void {
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
}
