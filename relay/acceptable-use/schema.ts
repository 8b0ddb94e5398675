/**
 * The acceptable-use policy's schema, one numbered list per backend. On
 * SQLite it lives in `policy.sqlite` beside the other stores' files.
 */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

export const SQLITE_POLICY_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'acceptable-use policy',
    up: `
CREATE TABLE policy_versions (
  version      INTEGER PRIMARY KEY,
  text         TEXT    NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT    NOT NULL
);
CREATE TABLE policy_acceptances (
  user_id TEXT    NOT NULL,
  version INTEGER NOT NULL,
  at      INTEGER NOT NULL,
  ip      TEXT,
  client  TEXT,
  PRIMARY KEY (user_id, version)
);
CREATE INDEX policy_acceptances_by_version ON policy_acceptances (version, at);`,
  },
];

export const PG_POLICY_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'acceptable-use policy',
    up: `
CREATE TABLE policy_versions (
  version      INTEGER PRIMARY KEY,
  text         TEXT    NOT NULL,
  published_at BIGINT  NOT NULL,
  published_by TEXT    NOT NULL
);
CREATE TABLE policy_acceptances (
  user_id TEXT    NOT NULL,
  version INTEGER NOT NULL,
  at      BIGINT  NOT NULL,
  ip      TEXT,
  client  TEXT,
  PRIMARY KEY (user_id, version)
);
CREATE INDEX policy_acceptances_by_version ON policy_acceptances (version, at);`,
  },
];
