/**
 * The legal store on either backend. The queries are the same on SQLite and
 * PostgreSQL, so one class holds them and a small adapter runs them: SQLite
 * synchronously (answers wrapped in promises), PostgreSQL with `$n`
 * placeholders. relay/db opens the database and applies schema.ts.
 */
import { join } from 'node:path';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type pg from 'pg';
import { closeSqlite, openSqlite } from '../db/sqlite.ts';
import { SQLITE_LEGAL_MIGRATIONS } from './schema.ts';
import type {
  DeletedRange,
  EditRecord,
  InsertedRun,
  LegalHold,
  LegalStore,
  NoteRef,
  RetentionPolicy,
  SpaceRetention,
} from './types.ts';

type Param = string | number | null;
type Row = Record<string, unknown>;

/** Runs SQL with `?` placeholders on one backend. */
export interface SqlRunner {
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  run(sql: string, params?: readonly Param[]): Promise<number>;
  close(): Promise<void>;
}

/** File name of the legal database inside the data directory. */
export const LEGAL_FILE = 'legal.sqlite';

/** Opens (creating if needed) `legal.sqlite` in `dataDir` with its schema up to date. */
export function openLegalSqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, LEGAL_FILE), {
    store: 'legal',
    migrations: SQLITE_LEGAL_MIGRATIONS,
  });
}

/** `legal.sqlite` in `dataDir`, schema up to date. */
export function sqliteRunner(dataDir: string): SqlRunner {
  const db = openLegalSqlite(dataDir);
  // Deleted journal rows hold note text: overwrite their pages, never leave them in free space.
  db.exec('PRAGMA secure_delete = ON');
  let closed = false;
  return {
    all: (sql, params = []) => Promise.resolve(db.prepare(sql).all(...(params as SQLInputValue[]))),
    run: (sql, params = []) =>
      Promise.resolve(Number(db.prepare(sql).run(...(params as SQLInputValue[])).changes)),
    close: () => {
      if (!closed) {
        closed = true;
        closeSqlite(db);
      }
      return Promise.resolve();
    },
  };
}

/** The pool's database (migrated by relay/db/stores.ts); the pool's owner closes it. */
export function postgresRunner(pool: pg.Pool): SqlRunner {
  const numbered = (sql: string): string => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${String((n += 1))}`);
  };
  return {
    all: async (sql, params = []) => (await pool.query(numbered(sql), [...params])).rows as Row[],
    run: async (sql, params = []) => (await pool.query(numbered(sql), [...params])).rowCount ?? 0,
    close: () => Promise.resolve(),
  };
}

const COMPANY = '*';

/** A text or number column as a string (PostgreSQL answers BIGINT as text). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new Error('corrupt legal row');
}

function days(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function holdFromRow(row: Row): LegalHold {
  const kind = text(row['scope_kind']);
  const id = text(row['scope_id']);
  return {
    id: text(row['id']),
    caseName: text(row['case_name']),
    scope: kind === 'space' ? { kind: 'space', spaceId: id } : { kind: 'person', personId: id },
    createdBy: text(row['created_by']),
    createdAt: Number(row['created_at']),
    releasedBy: row['released_by'] === null ? null : text(row['released_by']),
    releasedAt: row['released_at'] === null ? null : Number(row['released_at']),
  };
}

function editFromRow(row: Row): EditRecord {
  return {
    spaceId: text(row['space']),
    docId: text(row['doc']),
    at: Number(row['at']),
    by: row['by_sub'] === null ? null : text(row['by_sub']),
    inserts: JSON.parse(text(row['inserts'])) as InsertedRun[],
    deletes: JSON.parse(text(row['deletes'])) as DeletedRange[],
  };
}

const HOLD_COLUMNS =
  'id, case_name, scope_kind, scope_id, created_by, created_at, released_by, released_at';

export class SqlLegalStore implements LegalStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async companyPolicy(): Promise<RetentionPolicy> {
    const [row] = await this.#sql.all(
      'SELECT trash_days, history_days FROM legal_retention WHERE scope = ?',
      [COMPANY],
    );
    return { trashDays: days(row?.['trash_days']), historyDays: days(row?.['history_days']) };
  }

  async setCompanyPolicy(policy: RetentionPolicy): Promise<void> {
    await this.#upsertPolicy(COMPANY, policy);
  }

  async spacePolicies(): Promise<SpaceRetention[]> {
    const rows = await this.#sql.all(
      'SELECT scope, trash_days, history_days FROM legal_retention WHERE scope <> ? ORDER BY scope',
      [COMPANY],
    );
    return rows.map((row) => ({
      spaceId: text(row['scope']),
      trashDays: days(row['trash_days']),
      historyDays: days(row['history_days']),
    }));
  }

  async setSpacePolicy(spaceId: string, policy: RetentionPolicy): Promise<void> {
    if (policy.trashDays === null && policy.historyDays === null) {
      await this.#sql.run('DELETE FROM legal_retention WHERE scope = ?', [spaceId]);
      return;
    }
    await this.#upsertPolicy(spaceId, policy);
  }

  async #upsertPolicy(scope: string, policy: RetentionPolicy): Promise<void> {
    await this.#sql.run(
      `INSERT INTO legal_retention (scope, trash_days, history_days) VALUES (?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET trash_days = excluded.trash_days, history_days = excluded.history_days`,
      [scope, policy.trashDays, policy.historyDays],
    );
  }

  async insertHold(hold: LegalHold): Promise<void> {
    const scopeId = hold.scope.kind === 'space' ? hold.scope.spaceId : hold.scope.personId;
    await this.#sql.run(
      `INSERT INTO legal_holds (${HOLD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        hold.id,
        hold.caseName,
        hold.scope.kind,
        scopeId,
        hold.createdBy,
        hold.createdAt,
        hold.releasedBy,
        hold.releasedAt,
      ],
    );
  }

  async holds(): Promise<LegalHold[]> {
    const rows = await this.#sql.all(
      `SELECT ${HOLD_COLUMNS} FROM legal_holds ORDER BY created_at DESC, id`,
    );
    return rows.map(holdFromRow);
  }

  async releaseHold(id: string, by: string, at: number): Promise<LegalHold | null> {
    await this.#sql.run(
      'UPDATE legal_holds SET released_by = ?, released_at = ? WHERE id = ? AND released_at IS NULL',
      [by, at, id],
    );
    const [row] = await this.#sql.all(`SELECT ${HOLD_COLUMNS} FROM legal_holds WHERE id = ?`, [id]);
    return row === undefined ? null : holdFromRow(row);
  }

  async appendEdits(records: readonly EditRecord[]): Promise<void> {
    for (const r of records) {
      await this.#sql.run(
        'INSERT INTO legal_edits (space, doc, at, by_sub, inserts, deletes) VALUES (?, ?, ?, ?, ?, ?)',
        [r.spaceId, r.docId, r.at, r.by, JSON.stringify(r.inserts), JSON.stringify(r.deletes)],
      );
    }
  }

  async edits(spaceId: string, docId: string): Promise<EditRecord[]> {
    const rows = await this.#sql.all(
      'SELECT space, doc, at, by_sub, inserts, deletes FROM legal_edits WHERE space = ? AND doc = ? ORDER BY at, seq',
      [spaceId, docId],
    );
    return rows.map(editFromRow);
  }

  async notesEditedBy(personId: string): Promise<NoteRef[]> {
    const rows = await this.#sql.all(
      'SELECT DISTINCT space, doc FROM legal_edits WHERE by_sub = ? ORDER BY space, doc',
      [personId],
    );
    return rows.map((row) => ({ spaceId: text(row['space']), docId: text(row['doc']) }));
  }

  async editorsOf(spaceId: string, docId: string): Promise<string[]> {
    const rows = await this.#sql.all(
      'SELECT DISTINCT by_sub FROM legal_edits WHERE space = ? AND doc = ? AND by_sub IS NOT NULL',
      [spaceId, docId],
    );
    return rows.map((row) => text(row['by_sub']));
  }

  purgeEdits(spaceId: string, docId: string, before: number): Promise<number> {
    return this.#sql.run('DELETE FROM legal_edits WHERE space = ? AND doc = ? AND at < ?', [
      spaceId,
      docId,
      before,
    ]);
  }

  async markPurged(spaceId: string, docId: string, at: number): Promise<void> {
    await this.#sql.run('DELETE FROM legal_edits WHERE space = ? AND doc = ?', [spaceId, docId]);
    await this.#sql.run(
      `INSERT INTO legal_purged (space, doc, purged_at) VALUES (?, ?, ?)
       ON CONFLICT (space, doc) DO NOTHING`,
      [spaceId, docId, at],
    );
  }

  async isPurged(spaceId: string, docId: string): Promise<boolean> {
    const rows = await this.#sql.all('SELECT 1 FROM legal_purged WHERE space = ? AND doc = ?', [
      spaceId,
      docId,
    ]);
    return rows.length > 0;
  }

  close(): Promise<void> {
    return this.#sql.close();
  }
}
