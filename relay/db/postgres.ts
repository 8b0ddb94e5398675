/**
 * The one way the relay opens PostgreSQL: a `pg` pool on the URL, and each
 * store's migrations applied up to date. Several relay nodes may start at
 * once against one database, so migrations run under a transaction-scoped
 * advisory lock: one node migrates, the others wait and then find nothing
 * left to do.
 */
import pg from 'pg';
import { orderedMigrations, SchemaTooNewError, type Migration } from './migrations.ts';

export type PgMigration = Migration<pg.PoolClient, Promise<void>>;

/** Arbitrary constant key of the advisory lock that serialises migrations across nodes. */
const MIGRATION_LOCK = 7_301_947;

const VERSIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_versions (
  store   TEXT    PRIMARY KEY,
  version INTEGER NOT NULL
)`;

export interface OpenPostgresOptions {
  /** Pool size; 10 by default (pg's own default). */
  readonly maxConnections?: number;
}

/** Opens a pool on `url` (`postgres://user:pass@host:port/db`) and checks that it answers. */
export async function openPostgres(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle client that loses its server emits 'error' on the pool; unhandled it would crash the relay.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end();
    throw err;
  }
  return pool;
}

/** The schema version of `store` recorded in the database (0 when never migrated). */
export async function postgresVersion(db: pg.Pool | pg.PoolClient, store: string): Promise<number> {
  await db.query(VERSIONS_TABLE);
  const result = await db.query<{ version: number }>(
    'SELECT version FROM schema_versions WHERE store = $1',
    [store],
  );
  return result.rows[0]?.version ?? 0;
}

/**
 * Applies the migrations of `store` that the database lacks, all in one
 * transaction with the version bump (PostgreSQL DDL is transactional).
 * @throws SchemaTooNewError when the database was migrated further than `migrations` go.
 */
export async function migratePostgres(
  pool: pg.Pool,
  store: string,
  migrations: readonly PgMigration[],
): Promise<number> {
  const ordered = orderedMigrations(migrations);
  // Created outside the lock: CREATE TABLE IF NOT EXISTS can race on the catalog otherwise.
  await pool.query(VERSIONS_TABLE).catch(() => pool.query(VERSIONS_TABLE));
  await pgTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const current = await postgresVersion(client, store);
    if (current > ordered.length) throw new SchemaTooNewError(store, current, ordered.length);
    for (const migration of ordered.slice(current)) {
      if (typeof migration.up === 'string') await client.query(migration.up);
      else await migration.up(client);
    }
    if (current < ordered.length) {
      await client.query(
        `INSERT INTO schema_versions (store, version) VALUES ($1, $2)
         ON CONFLICT (store) DO UPDATE SET version = excluded.version`,
        [store, ordered.length],
      );
    }
  });
  return ordered.length;
}

/**
 * Runs `fn` on one pooled connection inside a transaction and commits, or
 * rolls back and rethrows. The connection goes back to the pool either way.
 */
export async function pgTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
