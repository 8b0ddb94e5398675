/** Schema of the notification store, one numbered list per backend. */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

function tables(epoch: 'INTEGER' | 'BIGINT'): string {
  return `
CREATE TABLE notifications (
  id         TEXT    PRIMARY KEY,
  recipient  TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  event_key  TEXT    NOT NULL,
  space_id   TEXT    NOT NULL,
  note_id    TEXT,
  target_id  TEXT,
  actor      TEXT,
  created_at ${epoch} NOT NULL,
  read_at    ${epoch},
  UNIQUE (recipient, event_key)
);
CREATE INDEX notifications_by_recipient ON notifications (recipient, created_at);
CREATE TABLE notification_settings (
  person   TEXT PRIMARY KEY,
  settings TEXT NOT NULL
);
CREATE TABLE due_items (
  space_id TEXT NOT NULL,
  note_id  TEXT NOT NULL,
  item_id  TEXT NOT NULL,
  assignee TEXT NOT NULL,
  due      TEXT NOT NULL,
  PRIMARY KEY (space_id, note_id, item_id)
);
CREATE INDEX due_items_by_due ON due_items (due);`;
}

export const SQLITE_NOTIFICATION_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, name: 'notifications, settings, due items', up: tables('INTEGER') },
];

export const PG_NOTIFICATION_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'notifications, settings, due items', up: tables('BIGINT') },
];
