/**
 * The legal store's schema, one numbered list per backend (`legal.sqlite`
 * on SQLite, its own file so that its `user_version` is its own).
 */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

/** Same SQL on both backends: plain types that mean the same in each. */
function tables(bigint: string, serial: string): string {
  return `
CREATE TABLE legal_retention (
  scope         TEXT PRIMARY KEY,
  trash_days    INTEGER,
  history_days  INTEGER
);
CREATE TABLE legal_holds (
  id           TEXT PRIMARY KEY,
  case_name    TEXT NOT NULL,
  scope_kind   TEXT NOT NULL,
  scope_id     TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   ${bigint} NOT NULL,
  released_by  TEXT,
  released_at  ${bigint}
);
CREATE TABLE legal_edits (
  seq      ${serial},
  space    TEXT NOT NULL,
  doc      TEXT NOT NULL,
  at       ${bigint} NOT NULL,
  by_sub   TEXT,
  inserts  TEXT NOT NULL,
  deletes  TEXT NOT NULL
);
CREATE INDEX legal_edits_by_doc ON legal_edits (space, doc, at);
CREATE INDEX legal_edits_by_person ON legal_edits (by_sub, space, doc);
CREATE TABLE legal_purged (
  space      TEXT NOT NULL,
  doc        TEXT NOT NULL,
  purged_at  ${bigint} NOT NULL,
  PRIMARY KEY (space, doc)
);`;
}

export const SQLITE_LEGAL_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'retention, holds, edit journal, purged notes',
    up: tables('INTEGER', 'INTEGER PRIMARY KEY'),
  },
];

export const PG_LEGAL_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'retention, holds, edit journal, purged notes',
    up: tables('BIGINT', 'BIGSERIAL PRIMARY KEY'),
  },
];
