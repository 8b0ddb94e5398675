/**
 * The acceptable-use policy in SQLite (`policy.sqlite` in the data
 * directory). Synchronous; a publish reads the newest number and writes the
 * next in one immediate transaction. Queries only: relay/db opens the file.
 */
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import { SQLITE_POLICY_MIGRATIONS } from './schema.ts';
import type { AcceptanceInput, PolicyStore, PolicyVersion, StoredAcceptance } from './types.ts';

/** File name of the policy database inside the data directory. */
export const POLICY_FILE = 'policy.sqlite';

/** Opens (creating if needed) `policy.sqlite` in `dataDir` with its schema up to date. */
export function openPolicySqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, POLICY_FILE), {
    store: 'policy',
    migrations: SQLITE_POLICY_MIGRATIONS,
  });
}

const COLUMNS = 'version, text, published_at, published_by';

function toVersion(row: Record<string, unknown>): PolicyVersion {
  return {
    version: Number(row['version']),
    text: String(row['text']),
    publishedAt: Number(row['published_at']),
    publishedBy: String(row['published_by']),
  };
}

export class SqlitePolicyStore implements PolicyStore {
  readonly #db: DatabaseSync;
  readonly #current: StatementSync;
  readonly #all: StatementSync;
  readonly #insert: StatementSync;
  readonly #accept: StatementSync;
  readonly #accepted: StatementSync;
  readonly #count: StatementSync;
  readonly #list: StatementSync;
  #closed = false;

  constructor(options: { readonly dataDir: string }) {
    this.#db = openPolicySqlite(options.dataDir);
    this.#current = this.#db.prepare(
      `SELECT ${COLUMNS} FROM policy_versions ORDER BY version DESC LIMIT 1`,
    );
    this.#all = this.#db.prepare(`SELECT ${COLUMNS} FROM policy_versions ORDER BY version DESC`);
    this.#insert = this.#db.prepare(`INSERT INTO policy_versions (${COLUMNS}) VALUES (?, ?, ?, ?)`);
    this.#accept = this.#db.prepare(
      `INSERT INTO policy_acceptances (user_id, version, at, ip, client) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, version) DO NOTHING`,
    );
    this.#accepted = this.#db.prepare(
      'SELECT MAX(version) AS v FROM policy_acceptances WHERE user_id = ?',
    );
    this.#count = this.#db.prepare(
      'SELECT COUNT(*) AS n FROM policy_acceptances WHERE version = ?',
    );
    this.#list = this.#db.prepare(
      'SELECT user_id, at FROM policy_acceptances WHERE version = ? ORDER BY at DESC, user_id LIMIT ?',
    );
  }

  current(): PolicyVersion | null {
    const row = this.#current.get();
    return row === undefined ? null : toVersion(row);
  }

  versions(): PolicyVersion[] {
    return this.#all.all().map(toVersion);
  }

  publish(text: string, by: string, at: number): PolicyVersion {
    return sqliteTransaction(this.#db, () => {
      const version = (this.current()?.version ?? 0) + 1;
      this.#insert.run(version, text, at, by);
      return { version, text, publishedAt: at, publishedBy: by };
    });
  }

  accept(input: AcceptanceInput): void {
    this.#accept.run(input.userId, input.version, input.at, input.ip, input.client);
  }

  acceptedVersion(userId: string): number | null {
    const value = this.#accepted.get(userId)?.['v'];
    return value === null || value === undefined ? null : Number(value);
  }

  acceptances(version: number, limit: number): { count: number; list: StoredAcceptance[] } {
    const count = Number(this.#count.get(version)?.['n'] ?? 0);
    const list = this.#list
      .all(version, limit)
      .map((row) => ({ userId: String(row['user_id']), at: Number(row['at']) }));
    return { count, list };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSqlite(this.#db);
  }
}
