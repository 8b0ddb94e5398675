/**
 * SQLite storage through `node:sqlite`, opened by db/sqlite.ts. WAL journal: writers
 * append to the log and readers never block them. `synchronous=NORMAL` makes
 * each committed update survive a crash or kill of the relay process (the WAL
 * write has reached the OS); `FULL` also fsyncs every commit, surviving power
 * loss at roughly six times the cost per update (see relay/README.md).
 *
 * The relay appends through group commit (group-commit.ts, `appendBatch`
 * below): every update of one event-loop turn goes into one transaction.
 * What a batch buys depends on that setting. Under `NORMAL` a commit costs no
 * fsync, only the WAL `write()` of every page the transaction touched and the
 * lock and journal bookkeeping around it; a batch writes each touched page
 * (the table's and index's last leaf, a marker page) once instead of once per
 * update, and takes the lock once. Under `FULL` every commit also waits for an
 * fsync of the WAL, so a batch of N shares one fsync instead of paying N: the
 * larger saving. The guarantee is the same under both: a caller hears its
 * sequence number only after the transaction holding its update committed
 * at that level, so nothing broadcast is lost to what the level protects against.
 */
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { openSqlite, sqliteTransaction, type SqliteSynchronous } from '../db/sqlite.ts';
import {
  markerFromRow,
  markerKey,
  SELECT_MARKERS,
  UPSERT_MARKER,
  UPSERT_STATE_VECTOR,
} from './doc-meta.ts';
import { collectedState } from './erase.ts';
import { SQLITE_DOC_MIGRATIONS } from './sqlite-migrations.ts';
import {
  DEFAULT_CHECKPOINT_SCHEDULE,
  IdleCheckpointer,
  type CheckpointSchedule,
} from './idle-checkpointer.ts';
import type { AppendItem, BatchingStorage } from './group-commit.ts';
import type { AppendMeta, StoredDoc, StoredMarker } from './types.ts';

export type { SqliteSynchronous } from '../db/sqlite.ts';

export interface SqliteStorageOptions {
  /** Directory holding `relay.sqlite` (created if missing). */
  readonly dataDir: string;
  /** SQLite `synchronous` pragma; `NORMAL` by default. */
  readonly synchronous?: SqliteSynchronous;
  /** When WAL checkpoints run (see idle-checkpointer.ts); DEFAULT_CHECKPOINT_SCHEDULE by default. */
  readonly checkpointSchedule?: Partial<CheckpointSchedule>;
  /** Called when scheduled checkpointing fails (SQLite's own checkpoints take over). */
  readonly onCheckpointError?: (message: string) => void;
}

/** SQLite's default auto-checkpoint threshold, in WAL pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

/** File name of the database inside the data directory. */
export const SQLITE_FILE = 'relay.sqlite';

/**
 * A `DocStorage` on one SQLite file. Every method answers synchronously, but
 * `appendBatch` (a promise, as group commit expects).
 */
export class SqliteStorage implements BatchingStorage {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #insertAt: StatementSync;
  readonly #select: StatementSync;
  readonly #deleteThrough: StatementSync;
  readonly #upsertMarker: StatementSync;
  readonly #upsertStateVector: StatementSync;
  readonly #selectMarkers: StatementSync;
  readonly #checkpointer: IdleCheckpointer;
  #closed: Promise<void> | null = null;

  constructor(options: SqliteStorageOptions) {
    this.#db = openSqlite(join(options.dataDir, SQLITE_FILE), {
      store: 'documents',
      migrations: SQLITE_DOC_MIGRATIONS,
      ...(options.synchronous === undefined ? {} : { synchronous: options.synchronous }),
    });
    this.#checkpointer = this.#startCheckpointer(options);
    this.#insert = this.#db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
    this.#insertAt = this.#db.prepare('INSERT INTO updates (seq, room, data) VALUES (?, ?, ?)');
    this.#select = this.#db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq');
    this.#deleteThrough = this.#db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?');
    this.#upsertMarker = this.#db.prepare(UPSERT_MARKER);
    this.#upsertStateVector = this.#db.prepare(UPSERT_STATE_VECTOR);
    this.#selectMarkers = this.#db.prepare(SELECT_MARKERS);
  }

  loadDoc(room: string): StoredDoc {
    const rows = this.#select.all(room);
    const updates: Uint8Array[] = [];
    let lastSeq = 0;
    for (const row of rows) {
      const { seq, data } = row;
      if (typeof seq !== 'number' || !(data instanceof Uint8Array)) {
        throw new Error(`corrupt update row in room ${room}`);
      }
      updates.push(data);
      lastSeq = seq;
    }
    return { updates, lastSeq };
  }

  appendUpdate(room: string, update: Uint8Array, meta?: AppendMeta): number {
    // One transaction with the marker: the marker never claims an update that is not stored.
    const seq =
      meta === undefined
        ? this.#insertRow(room, update, meta)
        : sqliteTransaction(this.#db, () => this.#insertRow(room, update, meta));
    this.#checkpointer.noteWrite(update.byteLength);
    return seq;
  }

  /**
   * Appends several updates (of any rooms) in one `BEGIN IMMEDIATE … COMMIT`:
   * one commit for all of them (see the header for what that saves). Their
   * sequence numbers come back in order; on any failure the whole batch is
   * rolled back and nothing of it is stored.
   */
  appendBatch(items: readonly AppendItem[]): Promise<number[]> {
    try {
      const seqs = sqliteTransaction(this.#db, () =>
        items.map((item) => this.#insertRow(item.room, item.update, item.meta)),
      );
      // One commit, so one write for the checkpoint schedule, of the batch's bytes.
      this.#checkpointer.noteWrite(items.reduce((sum, item) => sum + item.update.byteLength, 0));
      return Promise.resolve(seqs);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  setStateVector(room: string, stateVector: Uint8Array): void {
    const key = markerKey(room);
    if (key !== null) this.#upsertStateVector.run(room, key.space, key.doc, stateVector);
  }

  listMarkers(spaceId: string): StoredMarker[] {
    return this.#selectMarkers.all(spaceId).map(markerFromRow);
  }

  deleteSpace(spaceId: string): void {
    // Rooms are `<spaceId>/<docId>` and ids never hold '/', so the space's rooms
    // are exactly those from `<spaceId>/` up to `<spaceId>0` ('0' follows '/'),
    // a range the (room, seq) index serves.
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      this.#db
        .prepare('DELETE FROM updates WHERE room >= ? AND room < ?')
        .run(`${spaceId}/`, `${spaceId}0`);
      this.#db.prepare('DELETE FROM doc_meta WHERE space = ?').run(spaceId);
      this.#db.exec('COMMIT');
    } catch (err) {
      this.#db.exec('ROLLBACK');
      throw err;
    }
  }

  purgeRoom(room: string, keep: 'state' | 'nothing'): void {
    // secure_delete zeroes the freed pages, so the purged bytes do not linger
    // in the file's free list; only for this purge, since it doubles writes.
    this.#db.exec('PRAGMA secure_delete = ON');
    try {
      sqliteTransaction(this.#db, () => {
        const { updates, lastSeq } = this.loadDoc(room);
        if (updates.length === 0) return;
        const state = keep === 'state' ? collectedState(updates) : null;
        this.#deleteThrough.run(room, lastSeq);
        if (state === null) this.#db.prepare('DELETE FROM doc_meta WHERE room = ?').run(room);
        else this.#insertAt.run(lastSeq, room, state);
      });
    } finally {
      this.#db.exec('PRAGMA secure_delete = OFF');
    }
    // The WAL still holds the old pages until it is folded in and reset.
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  compact(room: string, throughSeq: number, merged: Uint8Array): void {
    // The merged row takes the sequence number of the newest row it replaces,
    // so it still sorts before every update appended after `throughSeq`.
    sqliteTransaction(this.#db, () => {
      this.#deleteThrough.run(room, throughSeq);
      this.#insertAt.run(throughSeq, room, merged);
    });
    this.#checkpointer.noteWrite(merged.byteLength);
  }

  ping(): void {
    this.#db.prepare('SELECT 1').get();
  }

  /**
   * Cancels scheduled checkpoints, folds the WAL into the main file (so the
   * data directory is one file at rest) and closes the connection. Once it
   * resolves nothing holds the database files: a caller may delete them.
   */
  close(): Promise<void> {
    this.#closed ??= Promise.resolve().then(() => {
      this.#checkpointer.stop();
      this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      this.#db.close();
    });
    return this.#closed;
  }

  /** Inserts one update row (and its marker, with `meta`) in the caller's transaction, if any. */
  #insertRow(room: string, update: Uint8Array, meta: AppendMeta | undefined): number {
    const seq = Number(this.#insert.run(room, update).lastInsertRowid);
    const key = meta === undefined ? null : markerKey(room);
    if (meta !== undefined && key !== null) {
      this.#upsertMarker.run(room, key.space, key.doc, meta.stateVector, meta.at, meta.by);
    }
    return seq;
  }

  /**
   * Takes WAL checkpoints out of commits (see idle-checkpointer.ts). If a
   * checkpoint fails, SQLite's automatic checkpoints are switched back on so
   * the WAL never grows without bound.
   */
  #startCheckpointer(options: SqliteStorageOptions): IdleCheckpointer {
    this.#db.exec('PRAGMA wal_autocheckpoint = 0');
    return new IdleCheckpointer({
      ...DEFAULT_CHECKPOINT_SCHEDULE,
      ...options.checkpointSchedule,
      checkpoint: () => {
        this.#db.exec('PRAGMA wal_checkpoint(PASSIVE)');
      },
      onError: (message) => {
        if (this.#closed !== null) return;
        this.#db.exec(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
        options.onCheckpointError?.(message);
      },
    });
  }
}
