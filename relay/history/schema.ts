/**
 * The schema of the snapshot store, one numbered list per backend. On SQLite
 * the snapshots live in their own file beside `relay.sqlite` (as
 * `spaces.sqlite` does): a file's `user_version` belongs to one owner, large
 * snapshot blobs stay out of the update log's WAL whose checkpoints are tuned
 * for the write path (storage/idle-checkpointer.ts), and document storage can
 * be swapped without moving history.
 */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

export const SQLITE_HISTORY_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'snapshots',
    up: `
CREATE TABLE snapshots (
  id         TEXT    PRIMARY KEY,
  space      TEXT    NOT NULL,
  doc        TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  reason     TEXT    NOT NULL CHECK (reason IN ('scheduled', 'manual')),
  state      BLOB    NOT NULL
);
CREATE INDEX snapshots_by_doc ON snapshots (space, doc, created_at);`,
  },
];

export const PG_HISTORY_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'snapshots',
    // `ord` breaks ties in created_at by insertion order, as SQLite's rowid does.
    up: `
CREATE TABLE snapshots (
  id         TEXT      PRIMARY KEY,
  ord        BIGSERIAL NOT NULL,
  space      TEXT      NOT NULL,
  doc        TEXT      NOT NULL,
  created_at BIGINT    NOT NULL,
  created_by TEXT,
  reason     TEXT      NOT NULL CHECK (reason IN ('scheduled', 'manual')),
  state      BYTEA     NOT NULL
);
CREATE INDEX snapshots_by_doc ON snapshots (space, doc, created_at);`,
  },
];
