/**
 * Document storage on PostgreSQL, shared by every relay node. Same contract
 * as the SQLite store (types.ts), asynchronous. Sequence numbers come from one
 * `BIGSERIAL`, so they are unique across nodes, though not in commit order.
 *
 * Compaction differs from SQLite in one way that matters with several nodes:
 * the node that compacts may not yet have applied an update another node just
 * stored (it is still in flight over Redis, or Redis is down). So the rows are
 * deleted with `RETURNING` and merged into the caller's snapshot inside the
 * same transaction: the merged row holds exactly what the deleted rows held,
 * whatever the caller's copy of the document had seen.
 */
import type pg from 'pg';
import * as Y from 'yjs';
import { migratePostgres, openPostgres, pgTransaction } from '../db/postgres.ts';
import { markerKey } from './doc-meta.ts';
import { collectedState } from './erase.ts';
import { PG_DOC_MIGRATIONS } from './postgres-migrations.ts';
import type { AppendItem } from './group-commit.ts';
import type { AppendMeta, DocStorage, StoredDoc, StoredMarker } from './types.ts';

/** A `DocStorage` on a PostgreSQL database. */
export class PostgresStorage implements DocStorage {
  readonly #pool: pg.Pool;
  #closed: Promise<void> | null = null;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects to `url`, brings the schema up to date and returns the store. */
  static async open(url: string): Promise<PostgresStorage> {
    const pool = await openPostgres(url);
    try {
      await migratePostgres(pool, 'documents', PG_DOC_MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStorage(pool);
  }

  async loadDoc(room: string): Promise<StoredDoc> {
    const result = await this.#pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE room = $1 ORDER BY seq',
      [room],
    );
    const updates = result.rows.map((row) => new Uint8Array(row.data));
    const last = result.rows.at(-1);
    return { updates, lastSeq: last === undefined ? 0 : Number(last.seq) };
  }

  async appendUpdate(room: string, update: Uint8Array, meta?: AppendMeta): Promise<number> {
    return appendOn(this.#pool, room, update, meta);
  }

  /**
   * Appends several updates (of different rooms) in one transaction: one
   * commit, so one flush to disk, for all of them (relay/storage/group-commit.ts).
   * Resolves with their sequence numbers in order; all or none are stored.
   */
  appendBatch(items: readonly AppendItem[]): Promise<number[]> {
    return pgTransaction(this.#pool, async (client) => {
      const seqs: number[] = [];
      for (const item of items)
        seqs.push(await appendOn(client, item.room, item.update, item.meta));
      return seqs;
    });
  }

  async setStateVector(room: string, stateVector: Uint8Array): Promise<void> {
    const key = markerKey(room);
    if (key === null) return;
    await this.#pool.query(
      `INSERT INTO doc_meta (room, space, doc, state_vector, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, 0, NULL)
       ON CONFLICT (room) DO UPDATE SET state_vector = excluded.state_vector`,
      [room, key.space, key.doc, stateVector],
    );
  }

  async listMarkers(spaceId: string): Promise<StoredMarker[]> {
    const result = await this.#pool.query<{
      doc: string;
      state_vector: Buffer;
      updated_at: string;
      updated_by: string | null;
    }>(
      'SELECT doc, state_vector, updated_at, updated_by FROM doc_meta WHERE space = $1 ORDER BY doc',
      [spaceId],
    );
    return result.rows.map((row) => ({
      docId: row.doc,
      stateVector: new Uint8Array(row.state_vector),
      updatedAt: Number(row.updated_at),
      updatedBy: row.updated_by,
    }));
  }

  async compact(room: string, throughSeq: number, merged: Uint8Array): Promise<void> {
    await pgTransaction(this.#pool, async (client) => {
      const deleted = await client.query<{ seq: string; data: Buffer }>(
        'DELETE FROM doc_updates WHERE room = $1 AND seq <= $2 RETURNING seq, data',
        [room, throughSeq],
      );
      if (deleted.rows.length === 0) return; // another node compacted them already
      const rows = deleted.rows
        .map((row) => ({ seq: Number(row.seq), data: new Uint8Array(row.data) }))
        .sort((a, b) => a.seq - b.seq);
      // Union of the caller's snapshot and every deleted row (see the header).
      const union = Y.mergeUpdates([merged, ...rows.map((row) => row.data)]);
      const newest = rows.at(-1)?.seq ?? throughSeq;
      await client.query('INSERT INTO doc_updates (seq, room, data) VALUES ($1, $2, $3)', [
        newest,
        room,
        union,
      ]);
    });
  }

  /**
   * Purges one room for retention. The rows are deleted with RETURNING and
   * rebuilt in the same transaction, so an update another node stored
   * meanwhile is either among them or appended after: never lost. Deleted
   * rows are dead tuples until (auto)vacuum reclaims them (docs/administration.md).
   */
  async purgeRoom(room: string, keep: 'state' | 'nothing'): Promise<void> {
    await pgTransaction(this.#pool, async (client) => {
      const deleted = await client.query<{ seq: string; data: Buffer }>(
        'DELETE FROM doc_updates WHERE room = $1 RETURNING seq, data',
        [room],
      );
      if (keep === 'nothing') {
        await client.query('DELETE FROM doc_meta WHERE room = $1', [room]);
        return;
      }
      if (deleted.rows.length === 0) return;
      const rows = deleted.rows
        .map((row) => ({ seq: Number(row.seq), data: new Uint8Array(row.data) }))
        .sort((a, b) => a.seq - b.seq);
      const state = collectedState(rows.map((row) => row.data));
      await client.query('INSERT INTO doc_updates (seq, room, data) VALUES ($1, $2, $3)', [
        rows.at(-1)?.seq ?? 0,
        room,
        state,
      ]);
    });
  }

  /** Deletes every stored document of a purged space (rooms are `<spaceId>/<docId>`). */
  async deleteSpace(spaceId: string): Promise<void> {
    await pgTransaction(this.#pool, async (client) => {
      // '0' follows '/', and ids never hold '/': the range is exactly the space's rooms.
      await client.query('DELETE FROM doc_updates WHERE room >= $1 AND room < $2', [
        `${spaceId}/`,
        `${spaceId}0`,
      ]);
      await client.query('DELETE FROM doc_meta WHERE space = $1', [spaceId]);
    });
  }

  /** Ends the pool once queries in flight are done. Idempotent. */
  close(): Promise<void> {
    this.#closed ??= this.#pool.end();
    return this.#closed;
  }

  /** Whether the database answers (for `/readyz`). */
  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }
}

/** Appends one update (and its change marker) through `db`: the pool, or a client in a transaction. */
async function appendOn(
  db: pg.Pool | pg.PoolClient,
  room: string,
  update: Uint8Array,
  meta: AppendMeta | undefined,
): Promise<number> {
  const key = meta === undefined ? null : markerKey(room);
  if (meta === undefined || key === null) {
    const result = await db.query<{ seq: string }>(
      'INSERT INTO doc_updates (room, data) VALUES ($1, $2) RETURNING seq',
      [room, update],
    );
    return Number(result.rows[0]?.seq);
  }
  // One statement, so one transaction and one round trip: the marker never
  // claims an update that is not stored.
  const result = await db.query<{ seq: string }>(
    `WITH appended AS (
       INSERT INTO doc_updates (room, data) VALUES ($1, $2) RETURNING seq
     ), marker AS (
       INSERT INTO doc_meta (room, space, doc, state_vector, updated_at, updated_by)
       VALUES ($1, $3, $4, $5, $6, $7)
       ON CONFLICT (room) DO UPDATE SET
         state_vector = excluded.state_vector,
         updated_at   = excluded.updated_at,
         updated_by   = excluded.updated_by
     )
     SELECT seq FROM appended`,
    [room, update, key.space, key.doc, meta.stateVector, meta.at, meta.by],
  );
  return Number(result.rows[0]?.seq);
}
