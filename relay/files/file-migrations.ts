/**
 * Schema of the files store, one numbered list per backend. SQLite files
 * written before versioning (`user_version` 0) already hold the table, so
 * its steps say `IF NOT EXISTS` and add only the columns a file lacks.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

/** Columns added after the first release (existing rows get NULL: live, referenced). */
const ADDED_COLUMNS: readonly (readonly [string, string])[] = [
  // In the trash since (epoch ms).
  ['deleted_at', 'INTEGER'],
  // Found referenced by no document and no kept version since (epoch ms).
  ['unreferenced_since', 'INTEGER'],
];

/** SQLite has no `ADD COLUMN IF NOT EXISTS`, hence the look at table_info. */
function addMissingColumns(db: DatabaseSync): void {
  const have = new Set(
    db
      .prepare('PRAGMA table_info(files)')
      .all()
      .map((row) => row['name']),
  );
  for (const [column, type] of ADDED_COLUMNS) {
    if (!have.has(column)) db.exec(`ALTER TABLE files ADD COLUMN ${column} ${type}`);
  }
}

export const SQLITE_FILE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'files of spaces',
    // WITHOUT ROWID is not used: SQLite advises against it for rows with large blobs.
    up: `
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
CREATE INDEX IF NOT EXISTS files_space_size ON files (space_id, size);`,
  },
  { version: 2, name: 'file trash and image collection', up: addMissingColumns },
];

export const PG_FILE_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'files of spaces',
    up: `
CREATE TABLE files (
  space_id           TEXT   NOT NULL,
  file_id            TEXT   NOT NULL,
  content_type       TEXT   NOT NULL,
  size               BIGINT NOT NULL,
  data               BYTEA  NOT NULL,
  created_at         BIGINT NOT NULL,
  created_by         TEXT   NOT NULL,
  deleted_at         BIGINT,
  unreferenced_since BIGINT,
  PRIMARY KEY (space_id, file_id)
);
-- A space's quota sums sizes from the index (an index-only scan), never the blobs.
CREATE INDEX files_space_size ON files (space_id, size);`,
  },
];
