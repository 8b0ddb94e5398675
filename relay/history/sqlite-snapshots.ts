/**
 * Snapshots of documents in SQLite (`history.sqlite` in the data directory; see
 * schema.ts for why a file of its own). Every method answers synchronously,
 * like the relay's other SQLite stores. Queries only: relay/db opens the file
 * and applies the migrations of schema.ts.
 */
import { join } from 'node:path';
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import { SQLITE_HISTORY_MIGRATIONS } from './schema.ts';
import type { SnapshotRow, SnapshotStore, SnapshotWithState } from './snapshot-store.ts';

export type { SnapshotRow, SnapshotWithState } from './snapshot-store.ts';

/** File name of the snapshot database inside the data directory. */
export const HISTORY_FILE = 'history.sqlite';

/** Opens (creating if needed) `history.sqlite` in `dataDir` with its schema up to date. */
export function openHistorySqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, HISTORY_FILE), {
    store: 'history',
    migrations: SQLITE_HISTORY_MIGRATIONS,
  });
}

type Row = Record<string, SQLOutputValue>;

const META_COLUMNS = 'id, space, doc, created_at, created_by, reason, length(state) AS size';

function rowToMeta(row: Row): SnapshotRow {
  const { id, space, doc, created_at: at, created_by: by, reason, size } = row;
  if (
    typeof id !== 'string' ||
    typeof space !== 'string' ||
    typeof doc !== 'string' ||
    typeof at !== 'number' ||
    (by !== null && typeof by !== 'string') ||
    (reason !== 'scheduled' && reason !== 'manual') ||
    typeof size !== 'number'
  ) {
    throw new Error('corrupt snapshots row');
  }
  return { id, spaceId: space, docId: doc, createdAt: at, createdBy: by, reason, size };
}

export class SqliteSnapshotStore implements SnapshotStore {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #list: StatementSync;
  readonly #get: StatementSync;
  readonly #latest: StatementSync;
  readonly #delete: StatementSync;
  #closed = false;

  /** On `history.sqlite` in `dataDir`, or on a database already opened by `openHistorySqlite`. */
  constructor(options: { readonly dataDir: string } | { readonly db: DatabaseSync }) {
    this.#db = 'db' in options ? options.db : openHistorySqlite(options.dataDir);
    // A deleted version holds note text that retention or a purge means to be gone:
    // zero the freed pages rather than leave them readable in the file's free list.
    this.#db.exec('PRAGMA secure_delete = ON');
    this.#insert = this.#db.prepare(
      'INSERT INTO snapshots (id, space, doc, created_at, created_by, reason, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#list = this.#db.prepare(
      `SELECT ${META_COLUMNS} FROM snapshots WHERE space = ? AND doc = ? ORDER BY created_at DESC, rowid DESC`,
    );
    this.#get = this.#db.prepare(
      `SELECT ${META_COLUMNS}, state FROM snapshots WHERE id = ? AND space = ? AND doc = ?`,
    );
    this.#latest = this.#db.prepare(
      `SELECT ${META_COLUMNS}, state FROM snapshots WHERE space = ? AND doc = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    );
    this.#delete = this.#db.prepare('DELETE FROM snapshots WHERE id = ?');
  }

  /** Stores a snapshot. */
  insert(row: Omit<SnapshotRow, 'size'>, state: Uint8Array): SnapshotRow {
    this.#insert.run(
      row.id,
      row.spaceId,
      row.docId,
      row.createdAt,
      row.createdBy,
      row.reason,
      state,
    );
    return { ...row, size: state.byteLength };
  }

  /** A note's snapshots, newest first, without their state. */
  list(spaceId: string, docId: string): SnapshotRow[] {
    return this.#list.all(spaceId, docId).map(rowToMeta);
  }

  /** One snapshot of the note, or null (also when the id belongs to another note). */
  get(spaceId: string, docId: string, id: string): SnapshotWithState | null {
    const row = this.#get.get(id, spaceId, docId);
    return row === undefined ? null : withState(row);
  }

  /** The note's newest snapshot, or null. */
  latest(spaceId: string, docId: string): SnapshotWithState | null {
    const row = this.#latest.get(spaceId, docId);
    return row === undefined ? null : withState(row);
  }

  /** Deletes snapshots by id, in one transaction. */
  delete(ids: readonly string[]): void {
    if (ids.length === 0) return;
    sqliteTransaction(this.#db, () => {
      for (const id of ids) this.#delete.run(id);
    });
  }

  /** The states of every kept snapshot of a space, one at a time (image collection reads them). */
  *statesOfSpace(spaceId: string): Generator<Uint8Array> {
    for (const row of this.#db
      .prepare('SELECT state FROM snapshots WHERE space = ?')
      .iterate(spaceId)) {
      const state = row['state'];
      if (state instanceof Uint8Array) yield state;
    }
  }

  /** Deletes every snapshot of a space (its trash time is over). */
  deleteSpace(spaceId: string): void {
    this.#db.prepare('DELETE FROM snapshots WHERE space = ?').run(spaceId);
  }

  /** Folds the WAL into the file and closes it. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSqlite(this.#db);
  }
}

function withState(row: Row): SnapshotWithState {
  const state = row['state'];
  if (!(state instanceof Uint8Array)) throw new Error('corrupt snapshots row');
  return { ...rowToMeta(row), state };
}
