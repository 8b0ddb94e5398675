/**
 * The access-token store's schema, one numbered list per backend. On SQLite
 * it is `tokens.sqlite` in the data directory. `hash` is unique: two tokens
 * can never share one, and a lookup by it would find exactly one.
 */
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

const TABLES = (big: string) => `
CREATE TABLE access_tokens (
  id           TEXT   PRIMARY KEY,
  kind         TEXT   NOT NULL,
  owner_id     TEXT   NOT NULL,
  name         TEXT   NOT NULL,
  scopes       TEXT   NOT NULL,
  hash         TEXT   NOT NULL UNIQUE,
  created_at   ${big} NOT NULL,
  created_by   TEXT   NOT NULL,
  expires_at   ${big},
  last_used_at ${big},
  revoked_at   ${big},
  owner_name   TEXT,
  owner_email  TEXT,
  owner_groups TEXT   NOT NULL
);
CREATE INDEX access_tokens_by_owner ON access_tokens (owner_id, revoked_at);
CREATE INDEX access_tokens_by_kind ON access_tokens (kind, revoked_at);`;

/**
 * What the relay last learnt of each token owner at a sign-in: a personal
 * token acts with its person's current groups (company admin or not), not
 * with those they had when they created it.
 */
const OWNERS = (big: string) => `
CREATE TABLE token_owners (
  person_id TEXT   PRIMARY KEY,
  name      TEXT,
  email     TEXT,
  groups    TEXT   NOT NULL,
  seen_at   ${big} NOT NULL
);`;

export const SQLITE_TOKEN_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, name: 'access tokens', up: TABLES('INTEGER') },
  { version: 2, name: 'token owners', up: OWNERS('INTEGER') },
];

export const PG_TOKEN_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'access tokens', up: TABLES('BIGINT') },
  { version: 2, name: 'token owners', up: OWNERS('BIGINT') },
];
