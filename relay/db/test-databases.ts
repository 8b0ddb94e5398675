/**
 * Test helper: the two database backends a store's contract suite runs
 * against, as storage/test-backends.ts does for documents. SQLite in a
 * temporary directory always; PostgreSQL when its server binary is installed
 * (a private server per test file, a fresh migrated database per location).
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { tempDataDir } from '../integration/helpers.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import type { DocStorage } from '../storage/types.ts';
import { openPostgresStores, openSqliteStores, type RelayStores } from './stores.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from './test-postgres.ts';

/** One database location: open its stores (again) as often as needed. */
export interface DatabaseLocation {
  open(): Promise<RelayStores>;
  /** The document storage at the same location. */
  openDocuments(): Promise<DocStorage>;
  /** Runs raw SQL at the location, behind the stores' backs (`file` names the SQLite file). */
  sql(file: string, statement: string): Promise<void>;
}

export interface DatabaseBackend {
  readonly name: 'sqlite' | 'postgres';
  /** Why this backend cannot run here, or null. */
  readonly unavailable: string | null;
  setUp(): Promise<void>;
  /** A new, empty location. */
  location(): Promise<DatabaseLocation>;
  tearDown(): Promise<void>;
}

function sqliteBackend(): DatabaseBackend {
  const cleanups: (() => void)[] = [];
  return {
    name: 'sqlite',
    unavailable: null,
    setUp: () => Promise.resolve(),
    location: () => {
      const dir = tempDataDir();
      cleanups.push(dir.cleanup);
      return Promise.resolve({
        open: () => Promise.resolve(openSqliteStores(dir.dir)),
        openDocuments: () => Promise.resolve(new SqliteStorage({ dataDir: dir.dir })),
        sql: async (file, statement) => {
          await Promise.resolve();
          const db = new DatabaseSync(join(dir.dir, file));
          try {
            db.exec(statement);
          } finally {
            db.close();
          }
        },
      });
    },
    tearDown: () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      return Promise.resolve();
    },
  };
}

function postgresBackend(): DatabaseBackend {
  let server: TestPostgres | null = null;
  return {
    name: 'postgres',
    unavailable: postgresUnavailable(),
    setUp: async () => {
      server = await startTestPostgres();
    },
    location: async () => {
      if (server === null) throw new Error('postgres backend not set up');
      const url = await server.createDatabase();
      return {
        open: () => openPostgresStores(url),
        openDocuments: () => PostgresStorage.open(url),
        sql: async (_file, statement) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(statement);
          } finally {
            await client.end();
          }
        },
      };
    },
    tearDown: async () => {
      await server?.stop();
      server = null;
    },
  };
}

/** Both backends, for a `for … of` of suites. */
export function databaseBackends(): DatabaseBackend[] {
  return [sqliteBackend(), postgresBackend()];
}

/** The suite title, saying why a backend is skipped. */
export function backendTitle(backend: DatabaseBackend, subject: string): string {
  return backend.unavailable === null
    ? `${subject} on ${backend.name}`
    : `${subject} on ${backend.name} (skipped: ${backend.unavailable})`;
}

/** Stores and document storage: whatever a test opens and must close. */
interface Closable {
  close(): unknown;
}

/** What a store's contract suite gets from `describeStores`. */
export interface StoresHarness {
  readonly backend: DatabaseBackend;
  /** Opens the stores of a new, empty location, which becomes `location`. */
  fresh(): Promise<RelayStores>;
  /** A new, empty location, which becomes `location`, with nothing opened yet. */
  newLocation(): Promise<DatabaseLocation>;
  /** Opens the stores of the current location again, as a relay restart would. */
  reopen(): Promise<RelayStores>;
  /** The location of the last `fresh()`. */
  readonly location: DatabaseLocation;
  /** Closes `resource` after the test, with the stores (document storage, say). */
  track<T extends Closable>(resource: T): T;
  /** Closes everything opened so far, as a relay stopping would. */
  closeAll(): Promise<void>;
}

/**
 * One `describe` per backend (skipped, saying why, where PostgreSQL is not
 * installed) with the set-up every store contract shares: a server per file,
 * a fresh database per `fresh()`, everything opened closed after each test.
 */
export function describeStores(subject: string, body: (harness: StoresHarness) => void): void {
  for (const backend of databaseBackends()) {
    const suite = backend.unavailable === null ? describe : describe.skip;
    suite(backendTitle(backend, subject), () => {
      beforeAll(() => backend.setUp(), 60_000);
      afterAll(() => backend.tearDown());
      const opened: Closable[] = [];
      const closeAll = async (): Promise<void> => {
        for (const resource of opened.splice(0)) await resource.close();
      };
      afterEach(closeAll);
      let current: DatabaseLocation | undefined;
      const track = <T extends Closable>(resource: T): T => {
        opened.push(resource);
        return resource;
      };
      const harness: StoresHarness = {
        backend,
        get location(): DatabaseLocation {
          if (current === undefined) throw new Error('no location yet: call fresh() first');
          return current;
        },
        reopen: async () => track(await harness.location.open()),
        newLocation: async () => {
          current = await backend.location();
          return current;
        },
        fresh: async () => {
          await harness.newLocation();
          return harness.reopen();
        },
        track,
        closeAll,
      };
      body(harness);
    });
  }
}
