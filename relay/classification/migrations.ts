/** Schema of the classification store, one numbered list per backend. */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

export const SQLITE_CLASSIFICATION_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'label list and space labels',
    up: `
CREATE TABLE classification_labels (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  labels TEXT    NOT NULL
);
CREATE TABLE space_labels (
  space_id   TEXT    PRIMARY KEY,
  label      TEXT    NOT NULL,
  changed_at INTEGER NOT NULL
);
CREATE INDEX space_labels_by_label ON space_labels (label);`,
  },
];

export const PG_CLASSIFICATION_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'label list and space labels',
    up: `
CREATE TABLE classification_labels (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  labels TEXT    NOT NULL
);
CREATE TABLE space_labels (
  space_id   TEXT   PRIMARY KEY,
  label      TEXT   NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX space_labels_by_label ON space_labels (label);`,
  },
];
