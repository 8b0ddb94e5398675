/**
 * `FileStore` on PostgreSQL, shared by every relay node: an image uploaded
 * through one node downloads from any other. Queries only; the pool comes
 * from relay/db and is not closed here.
 *
 * The quota check and the insert must not interleave with another upload to
 * the same space, on this node or another: each such transaction first takes
 * a transaction-scoped advisory lock keyed by the space, which PostgreSQL
 * releases at commit or rollback.
 */
import type pg from 'pg';
import { isImageContentType } from '../../shared/files-api.ts';
import { pgTransaction } from '../db/postgres.ts';
import type { FileInfo, FileStore, PutFileResult, StoredFileData } from './types.ts';

/** Second key of the per-space advisory lock, apart from other locks keyed by `hashtext`. */
const FILES_LOCK = 2_604_117;

async function lockSpace(client: pg.PoolClient, spaceId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [FILES_LOCK, spaceId]);
}

function contentTypeOf(value: unknown): StoredFileData['contentType'] {
  if (typeof value !== 'string' || !isImageContentType(value)) {
    throw new Error('corrupt row: content_type');
  }
  return value;
}

function fileInfo(row: Record<string, unknown>): FileInfo {
  const { file_id: fileId, created_by: by, deleted_at: deletedAt } = row;
  if (typeof fileId !== 'string' || typeof by !== 'string') throw new Error('corrupt files row');
  return {
    fileId,
    contentType: contentTypeOf(row['content_type']),
    bytes: Number(row['size']),
    createdAt: Number(row['created_at']),
    createdBy: by,
    deletedAt: deletedAt === null ? null : Number(deletedAt),
  };
}

export class PostgresFileStore implements FileStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async put(
    spaceId: string,
    fileId: string,
    file: StoredFileData,
    createdBy: string,
    quotaBytes: number | null,
  ): Promise<PutFileResult> {
    return pgTransaction(this.#pool, async (client): Promise<PutFileResult> => {
      await lockSpace(client, spaceId);
      const restored = await client.query(
        // Uploaded again: whoever did wants it, so it leaves the trash and its grace starts over.
        'UPDATE files SET deleted_at = NULL, unreferenced_since = NULL WHERE space_id = $1 AND file_id = $2',
        [spaceId, fileId],
      );
      if ((restored.rowCount ?? 0) > 0) return { status: 'exists' };
      const usedBytes = await this.usedBytes(spaceId, client);
      if (quotaBytes !== null && usedBytes + file.bytes.byteLength > quotaBytes) {
        return { status: 'quota-exceeded', usedBytes };
      }
      await client.query(
        `INSERT INTO files (space_id, file_id, content_type, size, data, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          spaceId,
          fileId,
          file.contentType,
          file.bytes.byteLength,
          file.bytes,
          Date.now(),
          createdBy,
        ],
      );
      return { status: 'created' };
    });
  }

  async usedBytes(spaceId: string, db: pg.Pool | pg.PoolClient = this.#pool): Promise<number> {
    const result = await db.query<{ used: string }>(
      'SELECT COALESCE(SUM(size), 0) AS used FROM files WHERE space_id = $1',
      [spaceId],
    );
    return Number(result.rows[0]?.used ?? 0);
  }

  async get(spaceId: string, fileId: string): Promise<StoredFileData | null> {
    const result = await this.#pool.query<{ content_type: string; data: Buffer }>(
      'SELECT content_type, data FROM files WHERE space_id = $1 AND file_id = $2 AND deleted_at IS NULL',
      [spaceId, fileId],
    );
    const row = result.rows[0];
    if (row === undefined) return null;
    return { contentType: contentTypeOf(row.content_type), bytes: new Uint8Array(row.data) };
  }

  async list(spaceId: string): Promise<FileInfo[]> {
    const result = await this.#pool.query<Record<string, unknown>>(
      `SELECT file_id, content_type, size, created_at, created_by, deleted_at FROM files
       WHERE space_id = $1 ORDER BY created_at DESC, file_id COLLATE "C"`,
      [spaceId],
    );
    return result.rows.map(fileInfo);
  }

  async trash(spaceId: string, fileId: string, at: number): Promise<boolean> {
    const result = await this.#pool.query(
      'UPDATE files SET deleted_at = $1 WHERE space_id = $2 AND file_id = $3 AND deleted_at IS NULL',
      [at, spaceId, fileId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async restore(spaceId: string, fileId: string): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE files SET deleted_at = NULL, unreferenced_since = NULL
       WHERE space_id = $1 AND file_id = $2 AND deleted_at IS NOT NULL`,
      [spaceId, fileId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async purgeTrashed(before: number): Promise<number> {
    const result = await this.#pool.query(
      'DELETE FROM files WHERE deleted_at IS NOT NULL AND deleted_at <= $1',
      [before],
    );
    return result.rowCount ?? 0;
  }

  async purgeSpace(spaceId: string): Promise<void> {
    await this.#pool.query('DELETE FROM files WHERE space_id = $1', [spaceId]);
  }

  async spacesWithFiles(): Promise<string[]> {
    const result = await this.#pool.query<{ space_id: string }>(
      'SELECT DISTINCT space_id FROM files',
    );
    return result.rows.map((row) => row.space_id);
  }

  async collect(
    spaceId: string,
    referenced: ReadonlySet<string>,
    now: number,
    graceMs: number,
  ): Promise<string[]> {
    return pgTransaction(this.#pool, async (client) => {
      // The same lock as uploads: an upload meanwhile waits, as on SQLite.
      await lockSpace(client, spaceId);
      const rows = await client.query<{ file_id: string; unreferenced_since: string | null }>(
        'SELECT file_id, unreferenced_since FROM files WHERE space_id = $1 AND deleted_at IS NULL',
        [spaceId],
      );
      const keep: string[] = [];
      const mark: string[] = [];
      const deleted: string[] = [];
      for (const { file_id: fileId, unreferenced_since: since } of rows.rows) {
        if (referenced.has(fileId)) {
          if (since !== null) keep.push(fileId);
        } else if (since === null) mark.push(fileId);
        else if (now - Number(since) >= graceMs) deleted.push(fileId);
      }
      const where = 'space_id = $1 AND file_id = ANY($2::text[])';
      if (keep.length > 0) {
        await client.query(`UPDATE files SET unreferenced_since = NULL WHERE ${where}`, [
          spaceId,
          keep,
        ]);
      }
      if (mark.length > 0) {
        await client.query(`UPDATE files SET unreferenced_since = $3 WHERE ${where}`, [
          spaceId,
          mark,
          now,
        ]);
      }
      if (deleted.length > 0) {
        await client.query(`DELETE FROM files WHERE ${where}`, [spaceId, deleted]);
      }
      return deleted;
    });
  }

  /** The pool belongs to whoever opened it (relay/db); nothing to release here. */
  close(): void {
    // Intentionally empty.
  }
}
