/**
 * Test helper: the storage backends one shared suite runs against. SQLite
 * in a temporary directory always; PostgreSQL when its server binary is
 * installed (a private server per test file, a fresh database per store).
 */
import { tempDataDir } from '../integration/helpers.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { PostgresStorage } from './postgres.ts';
import { SqliteStorage } from './sqlite.ts';
import type { BatchingStorage } from './group-commit.ts';

/** One store location: open it (again) as often as needed. */
export interface StoreLocation {
  /** The raw store; both backends can append a batch in one transaction (group commit). */
  open(): Promise<BatchingStorage>;
}

export interface StorageBackend {
  readonly name: 'sqlite' | 'postgres';
  /** Why this backend cannot run here, or null. */
  readonly unavailable: string | null;
  /** Starts what the backend needs (once per file). */
  setUp(): Promise<void>;
  /** A new, empty store location. */
  location(): Promise<StoreLocation>;
  /** Removes every location and stops servers. */
  tearDown(): Promise<void>;
}

function sqliteBackend(): StorageBackend {
  const cleanups: (() => void)[] = [];
  return {
    name: 'sqlite',
    unavailable: null,
    setUp: () => Promise.resolve(),
    location: () => {
      const dir = tempDataDir();
      cleanups.push(dir.cleanup);
      return Promise.resolve({
        open: () => Promise.resolve(new SqliteStorage({ dataDir: dir.dir })),
      });
    },
    tearDown: () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      return Promise.resolve();
    },
  };
}

function postgresBackend(): StorageBackend {
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
      return { open: () => PostgresStorage.open(url) };
    },
    tearDown: async () => {
      await server?.stop();
      server = null;
    },
  };
}

/** Both backends, for `describe.each`. */
export function storageBackends(): StorageBackend[] {
  return [sqliteBackend(), postgresBackend()];
}
