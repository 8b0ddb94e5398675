/**
 * Snapshots of documents in PostgreSQL, shared by every relay node. Queries
 * only; the pool comes from relay/db and is not closed here.
 */
import type pg from 'pg';
import { pgTransaction } from '../db/postgres.ts';
import type { SnapshotRow, SnapshotStore, SnapshotWithState } from './snapshot-store.ts';

const META_COLUMNS = 'id, space, doc, created_at, created_by, reason, octet_length(state) AS size';

interface MetaRow {
  id: string;
  space: string;
  doc: string;
  created_at: string;
  created_by: string | null;
  reason: string;
  size: number;
}

function rowToMeta(row: MetaRow): SnapshotRow {
  const { reason } = row;
  if (reason !== 'scheduled' && reason !== 'manual') throw new Error('corrupt snapshots row');
  return {
    id: row.id,
    spaceId: row.space,
    docId: row.doc,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    reason,
    size: row.size,
  };
}

function withState(row: MetaRow & { state: Buffer }): SnapshotWithState {
  return { ...rowToMeta(row), state: new Uint8Array(row.state) };
}

export class PostgresSnapshotStore implements SnapshotStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async insert(row: Omit<SnapshotRow, 'size'>, state: Uint8Array): Promise<SnapshotRow> {
    await this.#pool.query(
      `INSERT INTO snapshots (id, space, doc, created_at, created_by, reason, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.spaceId, row.docId, row.createdAt, row.createdBy, row.reason, state],
    );
    return { ...row, size: state.byteLength };
  }

  async list(spaceId: string, docId: string): Promise<SnapshotRow[]> {
    const result = await this.#pool.query<MetaRow>(
      `SELECT ${META_COLUMNS} FROM snapshots WHERE space = $1 AND doc = $2
       ORDER BY created_at DESC, ord DESC`,
      [spaceId, docId],
    );
    return result.rows.map(rowToMeta);
  }

  async get(spaceId: string, docId: string, id: string): Promise<SnapshotWithState | null> {
    const result = await this.#pool.query<MetaRow & { state: Buffer }>(
      `SELECT ${META_COLUMNS}, state FROM snapshots WHERE id = $1 AND space = $2 AND doc = $3`,
      [id, spaceId, docId],
    );
    const row = result.rows[0];
    return row === undefined ? null : withState(row);
  }

  async latest(spaceId: string, docId: string): Promise<SnapshotWithState | null> {
    const result = await this.#pool.query<MetaRow & { state: Buffer }>(
      `SELECT ${META_COLUMNS}, state FROM snapshots WHERE space = $1 AND doc = $2
       ORDER BY created_at DESC, ord DESC LIMIT 1`,
      [spaceId, docId],
    );
    const row = result.rows[0];
    return row === undefined ? null : withState(row);
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await pgTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM snapshots WHERE id = ANY($1::text[])', [[...ids]]);
    });
  }

  /**
   * One state at a time, as the SQLite store iterates: the ids first, then
   * each state by id, so a space with many large snapshots never sits in
   * memory whole. A snapshot deleted meanwhile is skipped.
   */
  async *statesOfSpace(spaceId: string): AsyncGenerator<Uint8Array> {
    const ids = await this.#pool.query<{ id: string }>(
      'SELECT id FROM snapshots WHERE space = $1 ORDER BY ord',
      [spaceId],
    );
    for (const { id } of ids.rows) {
      const result = await this.#pool.query<{ state: Buffer }>(
        'SELECT state FROM snapshots WHERE id = $1',
        [id],
      );
      const row = result.rows[0];
      if (row !== undefined) yield new Uint8Array(row.state);
    }
  }

  async deleteSpace(spaceId: string): Promise<void> {
    await this.#pool.query('DELETE FROM snapshots WHERE space = $1', [spaceId]);
  }

  /** The pool belongs to whoever opened it (relay/db); nothing to release here. */
  close(): void {
    // Intentionally empty.
  }
}
