/**
 * Versioned schema migrations, one numbered list per store. A store's schema
 * is the result of applying its migrations 1..N in order; the database records
 * the highest applied number (SQLite `user_version`, PostgreSQL the
 * `schema_versions` table), so opening a database applies exactly the missing
 * ones. Numbers are never reused or edited once released: a change is a new
 * migration.
 */

/** One step of a schema: SQL text, or a function for data back-fills. */
export interface Migration<Db, Result = void> {
  /** 1, 2, 3, … with no gaps. */
  readonly version: number;
  /** What it does, for logs and errors. */
  readonly name: string;
  readonly up: string | ((db: Db) => Result);
}

/**
 * Checks that `migrations` are numbered 1..N without gaps or repeats and
 * returns them in order.
 * @throws on a malformed list (a programming error, caught by tests).
 */
export function orderedMigrations<Db, Result>(
  migrations: readonly Migration<Db, Result>[],
): readonly Migration<Db, Result>[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration "${migration.name}" has number ${String(migration.version)}, expected ${String(index + 1)}`,
      );
    }
  });
  return sorted;
}

/** Thrown when a database was written by a newer relay than this one. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(store: string, found: number, known: number) {
    super(
      `${store}: database schema version ${String(found)} is newer than this relay knows (${String(known)}); upgrade the relay`,
    );
  }
}
