/**
 * `FileStore` on SQLite (`node:sqlite`, WAL), in its own file beside the
 * documents and the spaces (`files.sqlite`), like spaces/sqlite-store.ts and
 * for the same reason: document storage can be swapped (PostgreSQL) without
 * moving files, and images (up to `maxFileBytes` each) do not bloat the
 * database the sync path checkpoints and compacts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { isImageContentType } from '../../shared/files-api.ts';
import type { FileStore, PutFileResult, StoredFileData } from './types.ts';

/** File name of the files database inside the data directory. */
export const FILES_FILE = 'files.sqlite';

// WITHOUT ROWID is not used: SQLite advises against it for rows with large blobs.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS files (
  space_id     TEXT NOT NULL,
  file_id      TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  data         BLOB NOT NULL,
  created_at   INTEGER NOT NULL,
  created_by   TEXT NOT NULL,
  PRIMARY KEY (space_id, file_id)
);
-- Covering index for a space's quota: SUM(size) reads the index, never a row (or its blob).
CREATE INDEX IF NOT EXISTS files_space_size ON files (space_id, size);
`;

export class SqliteFileStore implements FileStore {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #select: StatementSync;
  readonly #exists: StatementSync;
  readonly #used: StatementSync;
  #closed = false;

  constructor(options: { readonly dataDir: string }) {
    mkdirSync(options.dataDir, { recursive: true });
    this.#db = new DatabaseSync(join(options.dataDir, FILES_FILE));
    this.#db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;',
    );
    this.#db.exec(SCHEMA);
    this.#insert = this.#db.prepare(
      'INSERT INTO files (space_id, file_id, content_type, size, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (space_id, file_id) DO NOTHING',
    );
    this.#select = this.#db.prepare(
      'SELECT content_type, data FROM files WHERE space_id = ? AND file_id = ?',
    );
    this.#exists = this.#db.prepare('SELECT 1 FROM files WHERE space_id = ? AND file_id = ?');
    this.#used = this.#db.prepare(
      'SELECT COALESCE(SUM(size), 0) AS used FROM files WHERE space_id = ?',
    );
  }

  put(
    spaceId: string,
    fileId: string,
    file: StoredFileData,
    createdBy: string,
    quotaBytes: number | null,
  ): PutFileResult {
    // IMMEDIATE: the write lock is taken before the quota is read, so the
    // check and the insert cannot interleave with another writer's.
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      let result: PutFileResult;
      if (this.#exists.get(spaceId, fileId) !== undefined) {
        result = { status: 'exists' };
      } else {
        const usedBytes = this.usedBytes(spaceId);
        if (quotaBytes !== null && usedBytes + file.bytes.byteLength > quotaBytes) {
          result = { status: 'quota-exceeded', usedBytes };
        } else {
          this.#insert.run(
            spaceId,
            fileId,
            file.contentType,
            file.bytes.byteLength,
            file.bytes,
            Date.now(),
            createdBy,
          );
          result = { status: 'created' };
        }
      }
      this.#db.exec('COMMIT');
      return result;
    } catch (err) {
      this.#db.exec('ROLLBACK');
      throw err;
    }
  }

  usedBytes(spaceId: string): number {
    const used = this.#used.get(spaceId)?.['used'];
    if (typeof used !== 'number') throw new Error('files: SUM(size) is not a number');
    return used;
  }

  get(spaceId: string, fileId: string): StoredFileData | null {
    const row = this.#select.get(spaceId, fileId);
    if (row === undefined) return null;
    const contentType = row['content_type'];
    const data = row['data'];
    if (typeof contentType !== 'string' || !isImageContentType(contentType)) {
      throw new Error('corrupt row: content_type');
    }
    if (!(data instanceof Uint8Array)) throw new Error('corrupt row: data is not a blob');
    return { contentType, bytes: data };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}
