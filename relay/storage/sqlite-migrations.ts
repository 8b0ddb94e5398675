/**
 * Schema of `relay.sqlite`, one numbered step per change. Databases written
 * before versioning (user_version 0) already hold some of these tables, so
 * the early steps say `IF NOT EXISTS`.
 */
import type { SqliteMigration } from '../db/sqlite.ts';
import { backfillMarkers, DOC_META_SCHEMA } from './doc-meta.ts';

export const SQLITE_DOC_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'append-only update log',
    up: `
CREATE TABLE IF NOT EXISTS updates (
  seq  INTEGER PRIMARY KEY,
  room TEXT    NOT NULL,
  data BLOB    NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, seq);`,
  },
  {
    version: 2,
    name: 'change markers per document',
    up: (db) => {
      db.exec(DOC_META_SCHEMA);
      backfillMarkers(db);
    },
  },
];
