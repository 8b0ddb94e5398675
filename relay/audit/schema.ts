/**
 * The audit log's schema, one numbered list per backend. On SQLite it lives
 * in `audit.sqlite`, a file of its own beside the others: its `user_version`
 * belongs to this store alone, and it can be backed up or shipped to a
 * separate system on its own. An UPDATE trigger refuses edits in place (the
 * chain would catch them anyway; this stops honest mistakes).
 */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

export const SQLITE_AUDIT_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'audit log',
    up: `
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  actor      TEXT,
  space      TEXT,
  target     TEXT,
  ip         TEXT,
  user_agent TEXT,
  detail     TEXT    NOT NULL,
  prev_hash  TEXT    NOT NULL,
  hash       TEXT    NOT NULL
);
CREATE INDEX audit_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_by_space ON audit_log (space, seq);
CREATE INDEX audit_by_kind ON audit_log (kind, seq);
CREATE INDEX audit_by_at ON audit_log (at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  },
];

export const PG_AUDIT_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'audit log',
    up: `
CREATE TABLE audit_log (
  seq        BIGINT PRIMARY KEY,
  at         BIGINT NOT NULL,
  kind       TEXT   NOT NULL,
  actor      TEXT,
  space      TEXT,
  target     TEXT,
  ip         TEXT,
  user_agent TEXT,
  detail     TEXT   NOT NULL,
  prev_hash  TEXT   NOT NULL,
  hash       TEXT   NOT NULL
);
CREATE INDEX audit_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_by_space ON audit_log (space, seq);
CREATE INDEX audit_by_kind ON audit_log (kind, seq);
CREATE INDEX audit_by_at ON audit_log (at);
CREATE FUNCTION audit_refuse_update() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_update();`,
  },
];
