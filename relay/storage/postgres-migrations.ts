/** Schema of the documents store in PostgreSQL, one numbered step per change. */
import type { PgMigration } from '../db/postgres.ts';

export const PG_DOC_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'append-only update log',
    up: `
CREATE TABLE doc_updates (
  seq  BIGSERIAL PRIMARY KEY,
  room TEXT      NOT NULL,
  data BYTEA     NOT NULL
);
CREATE INDEX doc_updates_by_room ON doc_updates (room, seq);`,
  },
  {
    version: 2,
    name: 'change markers per document',
    up: `
CREATE TABLE doc_meta (
  room         TEXT   PRIMARY KEY,
  space        TEXT   NOT NULL,
  doc          TEXT   NOT NULL,
  state_vector BYTEA  NOT NULL,
  updated_at   BIGINT NOT NULL,
  updated_by   TEXT
);
CREATE INDEX doc_meta_by_space ON doc_meta (space, doc);`,
  },
];
