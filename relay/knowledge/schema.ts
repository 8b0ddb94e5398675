/**
 * The knowledge store's schema (authorship per note per person, the note
 * text index, declared profiles), one numbered list per backend
 * (`knowledge.sqlite` on SQLite, its own file so its `user_version` is its own).
 */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

/** Same SQL on both backends: plain types that mean the same in each. */
function tables(bigint: string): string {
  return `
CREATE TABLE knowledge_authorship (
  space     TEXT NOT NULL,
  doc       TEXT NOT NULL,
  person    TEXT NOT NULL,
  edits     ${bigint} NOT NULL DEFAULT 0,
  first_at  ${bigint},
  last_at   ${bigint},
  comments  ${bigint} NOT NULL DEFAULT 0,
  PRIMARY KEY (space, doc, person)
);
CREATE INDEX knowledge_authorship_by_person ON knowledge_authorship (person, last_at);
CREATE INDEX knowledge_authorship_by_doc ON knowledge_authorship (doc);
CREATE TABLE knowledge_notes (
  space       TEXT NOT NULL,
  doc         TEXT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  updated_at  ${bigint} NOT NULL,
  PRIMARY KEY (space, doc)
);
CREATE INDEX knowledge_notes_by_time ON knowledge_notes (updated_at);
CREATE INDEX knowledge_notes_by_doc ON knowledge_notes (doc);
CREATE TABLE knowledge_profiles (
  person      TEXT PRIMARY KEY,
  skills      TEXT NOT NULL,
  topics      TEXT NOT NULL,
  opt_in      INTEGER NOT NULL,
  updated_at  ${bigint} NOT NULL
);`;
}

const NAME = 'authorship per note per person, note texts, declared profiles';

export const SQLITE_KNOWLEDGE_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, name: NAME, up: tables('INTEGER') },
];

export const PG_KNOWLEDGE_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: NAME, up: tables('BIGINT') },
];
