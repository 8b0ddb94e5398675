/**
 * The webhook store's schema, one numbered list per backend. On SQLite it is
 * `webhooks.sqlite` in the data directory. `outbox` holds one row per event
 * and webhook; `debounce_key` is set only while a debounced event waits for
 * its first attempt (unique per webhook, so later changes fold into it).
 */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

const TABLES = (big: string) => `
CREATE TABLE webhooks (
  id         TEXT    PRIMARY KEY,
  space_id   TEXT,
  url        TEXT    NOT NULL,
  events     TEXT    NOT NULL,
  secret     TEXT    NOT NULL,
  enabled    ${big}  NOT NULL,
  created_at ${big}  NOT NULL,
  created_by TEXT    NOT NULL
);
CREATE INDEX webhooks_by_space ON webhooks (space_id);
CREATE TABLE outbox (
  event_id        TEXT   NOT NULL,
  webhook_id      TEXT   NOT NULL,
  kind            TEXT   NOT NULL,
  payload         TEXT   NOT NULL,
  status          TEXT   NOT NULL,
  attempts        ${big} NOT NULL,
  next_attempt_at ${big},
  lease_token     TEXT,
  last_status     ${big},
  last_error      TEXT,
  created_at      ${big} NOT NULL,
  delivered_at    ${big},
  debounce_key    TEXT,
  PRIMARY KEY (webhook_id, event_id)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_log ON outbox (webhook_id, created_at);
CREATE UNIQUE INDEX outbox_debounce ON outbox (webhook_id, debounce_key)
  WHERE debounce_key IS NOT NULL;`;

export const SQLITE_WEBHOOK_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, name: 'webhooks and outbox', up: TABLES('INTEGER') },
];

export const PG_WEBHOOK_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'webhooks and outbox', up: TABLES('BIGINT') },
];
