/**
 * The audit log in SQLite (`audit.sqlite` in the data directory). Every
 * method answers synchronously; an append reads the newest entry and writes
 * the next in one immediate transaction, so two writers can never fork the
 * chain. Queries only: relay/db opens the file and applies schema.ts.
 */
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import { GENESIS_HASH } from './chain.ts';
import { AUDIT_COLUMNS, chainEntry, rowToEntry, rowValues, whereOf } from './rows.ts';
import { SQLITE_AUDIT_MIGRATIONS } from './schema.ts';
import type { AuditEntry, AuditFilter, AuditInput, AuditPage, AuditStore } from './types.ts';

/** File name of the audit database inside the data directory. */
export const AUDIT_FILE = 'audit.sqlite';

/** Opens (creating if needed) `audit.sqlite` in `dataDir` with its schema up to date. */
export function openAuditSqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, AUDIT_FILE), {
    store: 'audit',
    migrations: SQLITE_AUDIT_MIGRATIONS,
  });
}

export class SqliteAuditStore implements AuditStore {
  readonly #db: DatabaseSync;
  readonly #tail: StatementSync;
  readonly #insert: StatementSync;
  readonly #after: StatementSync;
  #closed = false;

  /** On `audit.sqlite` in `dataDir`, or on a database already opened by `openAuditSqlite`. */
  constructor(options: { readonly dataDir: string } | { readonly db: DatabaseSync }) {
    this.#db = 'db' in options ? options.db : openAuditSqlite(options.dataDir);
    this.#tail = this.#db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.#insert = this.#db.prepare(
      `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#after = this.#db.prepare(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
  }

  /** Appends one entry, chained to the newest. */
  append(input: AuditInput, at: number): AuditEntry {
    return sqliteTransaction(this.#db, () => this.#appendInTransaction(input, at));
  }

  #readTail(): { seq: number; hash: string } | null {
    const row = this.#tail.get();
    return row === undefined ? null : { seq: Number(row['seq']), hash: String(row['hash']) };
  }

  #appendInTransaction(input: AuditInput, at: number, tail = this.#readTail()): AuditEntry {
    const entry = chainEntry(input, at, tail, GENESIS_HASH);
    this.#insert.run(...rowValues(entry));
    return entry;
  }

  /** Entries matching `filter`, newest first. */
  query(filter: AuditFilter): AuditPage {
    const { sql, values } = whereOf(filter, () => '?', true);
    const rows = this.#db
      .prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${sql} ORDER BY seq DESC LIMIT ?`)
      .all(...values, filter.limit + 1);
    const entries = rows.slice(0, filter.limit).map(rowToEntry);
    const last = entries.at(-1);
    return { entries, next: rows.length > filter.limit && last !== undefined ? last.seq : null };
  }

  /** Entries after `afterSeq`, oldest first. */
  after(afterSeq: number, limit: number): AuditEntry[] {
    return this.#after.all(afterSeq, limit).map(rowToEntry);
  }

  /** Deletes entries older than `before` behind a checkpoint; the number deleted. */
  purge(before: number, at: number): number {
    return sqliteTransaction(this.#db, () => {
      const last = this.#db
        .prepare('SELECT seq, hash FROM audit_log WHERE at < ? ORDER BY seq DESC LIMIT 1')
        .get(before);
      if (last === undefined) return 0;
      const through = Number(last['seq']);
      // Read before the delete: purging everything must not restart the numbering.
      const tail = this.#readTail();
      const deleted = Number(
        this.#db.prepare('DELETE FROM audit_log WHERE seq <= ?').run(through).changes,
      );
      this.#appendInTransaction(
        {
          kind: 'audit.purged',
          actor: null,
          detail: { throughSeq: through, lastHash: String(last['hash']), purged: deleted, before },
        },
        at,
        tail,
      );
      return deleted;
    });
  }

  /** Folds the WAL into the file and closes it. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSqlite(this.#db);
  }
}
