/**
 * Snapshots of documents in SQLite (`history.sqlite` in the data directory; see
 * schema.ts for why a file of its own). Every method answers synchronously,
 * like the relay's other SQLite stores.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { SnapshotReason } from '../../shared/history-api.ts';
import { migrate } from './schema.ts';

/** File name of the snapshot database inside the data directory. */
export const HISTORY_FILE = 'history.sqlite';

/** A stored snapshot without its state. */
export interface SnapshotRow {
  readonly id: string;
  readonly spaceId: string;
  readonly docId: string;
  readonly createdAt: number;
  readonly createdBy: string | null;
  readonly reason: SnapshotReason;
  /** Bytes of the state. */
  readonly size: number;
}

/** A stored snapshot with its state. */
export interface SnapshotWithState extends SnapshotRow {
  readonly state: Uint8Array;
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

export class SqliteSnapshotStore {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #list: StatementSync;
  readonly #get: StatementSync;
  readonly #latest: StatementSync;
  readonly #delete: StatementSync;
  #closed = false;

  constructor(options: { readonly dataDir: string }) {
    mkdirSync(options.dataDir, { recursive: true });
    this.#db = new DatabaseSync(join(options.dataDir, HISTORY_FILE));
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;');
    migrate(this.#db);
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
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      for (const id of ids) this.#delete.run(id);
      this.#db.exec('COMMIT');
    } catch (err) {
      this.#db.exec('ROLLBACK');
      throw err;
    }
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
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}

function withState(row: Row): SnapshotWithState {
  const state = row['state'];
  if (!(state instanceof Uint8Array)) throw new Error('corrupt snapshots row');
  return { ...rowToMeta(row), state };
}
