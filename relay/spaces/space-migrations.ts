/**
 * Schema of the spaces store (spaces, members, people), one numbered list per
 * backend. SQLite files written before versioning (`user_version` 0) already
 * hold some of this, so its first steps say `IF NOT EXISTS` and add only the
 * columns a file lacks.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

/** Columns added to `spaces` after the first release (existing rows get NULL: unset). */
const ADDED_SPACE_COLUMNS: readonly (readonly [string, string])[] = [
  ['icon', 'TEXT'],
  ['description', 'TEXT'],
  // Set while the space is in the trash (epoch ms); NULL for a live space.
  ['deleted_at', 'INTEGER'],
];

/** SQLite has no `ADD COLUMN IF NOT EXISTS`, hence the look at table_info. */
function addMissingSpaceColumns(db: DatabaseSync): void {
  const have = new Set(
    db
      .prepare('PRAGMA table_info(spaces)')
      .all()
      .map((row) => row['name']),
  );
  for (const [column, type] of ADDED_SPACE_COLUMNS) {
    if (!have.has(column)) db.exec(`ALTER TABLE spaces ADD COLUMN ${column} ${type}`);
  }
}

export const SQLITE_SPACE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'spaces, members and people',
    up: `
CREATE TABLE IF NOT EXISTS spaces (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX IF NOT EXISTS members_by_user ON members (user_id);
CREATE TABLE IF NOT EXISTS people (
  id        TEXT PRIMARY KEY,
  name      TEXT,
  email     TEXT,
  last_seen INTEGER NOT NULL
);`,
  },
  { version: 2, name: 'space icon, description and trash', up: addMissingSpaceColumns },
];

export const PG_SPACE_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'spaces, members and people',
    up: `
CREATE TABLE spaces (
  id          TEXT   PRIMARY KEY,
  name        TEXT   NOT NULL,
  created_at  BIGINT NOT NULL,
  icon        TEXT,
  description TEXT,
  deleted_at  BIGINT
);
CREATE TABLE members (
  space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);
CREATE TABLE people (
  id        TEXT   PRIMARY KEY,
  name      TEXT,
  email     TEXT,
  last_seen BIGINT NOT NULL
);`,
  },
];
