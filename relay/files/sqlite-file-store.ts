/**
 * `FileStore` on SQLite, in its own file beside the
 * documents and the spaces (`files.sqlite`), like spaces/sqlite-store.ts and
 * for the same reason: document storage can be swapped (PostgreSQL) without
 * moving files, and images (up to `maxFileBytes` each) do not bloat the
 * database the sync path checkpoints and compacts. Queries only: relay/db
 * opens the file and applies the migrations of file-migrations.ts.
 */
import { join } from 'node:path';
import type { DatabaseSync, SQLOutputValue, StatementSync } from 'node:sqlite';
import { isImageContentType } from '../../shared/files-api.ts';
import { openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import { SQLITE_FILE_MIGRATIONS } from './file-migrations.ts';
import type { FileInfo, FileStore, PutFileResult, StoredFileData } from './types.ts';

/** File name of the files database inside the data directory. */
export const FILES_FILE = 'files.sqlite';

/** Opens (creating if needed) `files.sqlite` in `dataDir` with its schema up to date. */
export function openFilesSqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, FILES_FILE), {
    store: 'files',
    migrations: SQLITE_FILE_MIGRATIONS,
  });
}

function fileInfo(row: Record<string, SQLOutputValue>): FileInfo {
  const { file_id: fileId, content_type: type, size, created_at: at, created_by: by } = row;
  const deletedAt = row['deleted_at'];
  if (
    typeof fileId !== 'string' ||
    typeof type !== 'string' ||
    !isImageContentType(type) ||
    typeof size !== 'number' ||
    typeof at !== 'number' ||
    typeof by !== 'string' ||
    (deletedAt !== null && typeof deletedAt !== 'number')
  ) {
    throw new Error('corrupt files row');
  }
  return { fileId, contentType: type, bytes: size, createdAt: at, createdBy: by, deletedAt };
}

export class SqliteFileStore implements FileStore {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #select: StatementSync;
  readonly #exists: StatementSync;
  readonly #used: StatementSync;
  #closed = false;

  /** On `files.sqlite` in `dataDir`, or on a database already opened by `openFilesSqlite`. */
  constructor(options: { readonly dataDir: string } | { readonly db: DatabaseSync }) {
    this.#db = 'db' in options ? options.db : openFilesSqlite(options.dataDir);
    this.#insert = this.#db.prepare(
      'INSERT INTO files (space_id, file_id, content_type, size, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (space_id, file_id) DO NOTHING',
    );
    this.#select = this.#db.prepare(
      'SELECT content_type, data FROM files WHERE space_id = ? AND file_id = ? AND deleted_at IS NULL',
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
    return sqliteTransaction(this.#db, () => {
      let result: PutFileResult;
      if (this.#exists.get(spaceId, fileId) !== undefined) {
        // Uploaded again: whoever did wants it, so it leaves the trash and its grace starts over.
        this.#run(
          'UPDATE files SET deleted_at = NULL, unreferenced_since = NULL WHERE space_id = ? AND file_id = ?',
          spaceId,
          fileId,
        );
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
      return result;
    });
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

  list(spaceId: string): FileInfo[] {
    return this.#db
      .prepare(
        'SELECT file_id, content_type, size, created_at, created_by, deleted_at FROM files WHERE space_id = ? ORDER BY created_at DESC, file_id',
      )
      .all(spaceId)
      .map(fileInfo);
  }

  trash(spaceId: string, fileId: string, at: number): boolean {
    return (
      this.#run(
        'UPDATE files SET deleted_at = ? WHERE space_id = ? AND file_id = ? AND deleted_at IS NULL',
        at,
        spaceId,
        fileId,
      ) > 0
    );
  }

  restore(spaceId: string, fileId: string): boolean {
    return (
      this.#run(
        'UPDATE files SET deleted_at = NULL, unreferenced_since = NULL WHERE space_id = ? AND file_id = ? AND deleted_at IS NOT NULL',
        spaceId,
        fileId,
      ) > 0
    );
  }

  purgeTrashed(before: number): number {
    return this.#run('DELETE FROM files WHERE deleted_at IS NOT NULL AND deleted_at <= ?', before);
  }

  purgeSpace(spaceId: string): void {
    this.#run('DELETE FROM files WHERE space_id = ?', spaceId);
  }

  spacesWithFiles(): string[] {
    return this.#db
      .prepare('SELECT DISTINCT space_id FROM files')
      .all()
      .map((row) => String(row['space_id']));
  }

  collect(
    spaceId: string,
    referenced: ReadonlySet<string>,
    now: number,
    graceMs: number,
  ): string[] {
    return sqliteTransaction(this.#db, () => {
      const rows = this.#db
        .prepare(
          'SELECT file_id, unreferenced_since FROM files WHERE space_id = ? AND deleted_at IS NULL',
        )
        .all(spaceId);
      const deleted: string[] = [];
      for (const row of rows) {
        const fileId = String(row['file_id']);
        const since = row['unreferenced_since'];
        if (referenced.has(fileId)) {
          if (since !== null) {
            this.#run(
              'UPDATE files SET unreferenced_since = NULL WHERE space_id = ? AND file_id = ?',
              spaceId,
              fileId,
            );
          }
        } else if (typeof since !== 'number') {
          this.#run(
            'UPDATE files SET unreferenced_since = ? WHERE space_id = ? AND file_id = ?',
            now,
            spaceId,
            fileId,
          );
        } else if (now - since >= graceMs) {
          this.#run('DELETE FROM files WHERE space_id = ? AND file_id = ?', spaceId, fileId);
          deleted.push(fileId);
        }
      }
      return deleted;
    });
  }

  /** Runs one write statement; the rows it changed. */
  #run(sql: string, ...params: (string | number)[]): number {
    return Number(this.#db.prepare(sql).run(...params).changes);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }
}
