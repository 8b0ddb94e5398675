/**
 * The access-token store on either backend: the queries are the same on
 * SQLite and PostgreSQL, so one class holds them and the legal store's
 * runners execute them. relay/db opens the database and applies schema.ts.
 */
import { join } from 'node:path';
import type { SQLInputValue } from 'node:sqlite';
import { TokenScopeSchema, type TokenScope } from '../../shared/access-tokens-api.ts';
import { closeSqlite, openSqlite } from '../db/sqlite.ts';
import type { SqlRunner } from '../legal/sql-store.ts';
import { SQLITE_TOKEN_MIGRATIONS } from './schema.ts';
import type { TokenOwner, TokenRow, TokenStore } from './types.ts';

export const TOKENS_FILE = 'tokens.sqlite';

type Row = Record<string, unknown>;

const COLUMNS =
  'id, kind, owner_id, name, scopes, hash, created_at, created_by, expires_at, last_used_at, revoked_at, owner_name, owner_email, owner_groups';

/** `tokens.sqlite` in `dataDir`, schema up to date. */
export function sqliteTokenRunner(dataDir: string): SqlRunner {
  const db = openSqlite(join(dataDir, TOKENS_FILE), {
    store: 'tokens',
    migrations: SQLITE_TOKEN_MIGRATIONS,
  });
  let closed = false;
  return {
    all: (sql, params = []) => Promise.resolve(db.prepare(sql).all(...(params as SQLInputValue[]))),
    run: (sql, params = []) =>
      Promise.resolve(Number(db.prepare(sql).run(...(params as SQLInputValue[])).changes)),
    close: () => {
      if (!closed) {
        closed = true;
        closeSqlite(db);
      }
      return Promise.resolve();
    },
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : String(value));
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Scopes stored as a comma list; an unknown one (a newer relay's) is dropped, never widened. */
function parseScopes(value: unknown): TokenScope[] {
  return str(value)
    .split(',')
    .flatMap((s) => {
      const parsed = TokenScopeSchema.safeParse(s);
      return parsed.success ? [parsed.data] : [];
    });
}

function parseGroups(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(str(value));
    return Array.isArray(parsed) ? parsed.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}

function fromRow(row: Row): TokenRow {
  return {
    id: str(row['id']),
    kind: row['kind'] === 'service' ? 'service' : 'person',
    ownerId: str(row['owner_id']),
    name: str(row['name']),
    scopes: parseScopes(row['scopes']),
    hash: str(row['hash']),
    createdAt: Number(row['created_at']),
    createdBy: str(row['created_by']),
    expiresAt: numOrNull(row['expires_at']),
    lastUsedAt: numOrNull(row['last_used_at']),
    revokedAt: numOrNull(row['revoked_at']),
    ownerName: strOrNull(row['owner_name']),
    ownerEmail: strOrNull(row['owner_email']),
    ownerGroups: parseGroups(row['owner_groups']),
  };
}

export class SqlTokenStore implements TokenStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async create(row: TokenRow): Promise<void> {
    await this.#sql.run(
      `INSERT INTO access_tokens (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.kind,
        row.ownerId,
        row.name,
        row.scopes.join(','),
        row.hash,
        row.createdAt,
        row.createdBy,
        row.expiresAt,
        row.lastUsedAt,
        row.revokedAt,
        row.ownerName,
        row.ownerEmail,
        JSON.stringify(row.ownerGroups),
      ],
    );
  }

  async get(id: string): Promise<TokenRow | null> {
    const [row] = await this.#sql.all(`SELECT ${COLUMNS} FROM access_tokens WHERE id = ?`, [id]);
    return row === undefined ? null : fromRow(row);
  }

  async list(
    filter: { readonly ownerId: string } | { readonly kind: 'service' },
  ): Promise<TokenRow[]> {
    const [column, value] =
      'ownerId' in filter ? ['owner_id', filter.ownerId] : ['kind', 'service'];
    const rows = await this.#sql.all(
      `SELECT ${COLUMNS} FROM access_tokens WHERE ${column} = ? AND revoked_at IS NULL
       ORDER BY created_at, id`,
      [value],
    );
    return rows.map(fromRow);
  }

  async revoke(id: string, at: number): Promise<boolean> {
    const changed = await this.#sql.run(
      'UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      [at, id],
    );
    return changed > 0;
  }

  async touch(id: string, at: number): Promise<void> {
    await this.#sql.run('UPDATE access_tokens SET last_used_at = ? WHERE id = ?', [at, id]);
  }

  async owner(personId: string): Promise<TokenOwner | null> {
    const [row] = await this.#sql.all(
      'SELECT person_id, name, email, groups, seen_at FROM token_owners WHERE person_id = ?',
      [personId],
    );
    if (row === undefined) return null;
    return {
      personId: str(row['person_id']),
      name: strOrNull(row['name']),
      email: strOrNull(row['email']),
      groups: parseGroups(row['groups']),
      seenAt: Number(row['seen_at']),
    };
  }

  async recordOwner(owner: TokenOwner): Promise<void> {
    // The same upsert on both backends (SQLite 3.24+, PostgreSQL 9.5+).
    await this.#sql.run(
      `INSERT INTO token_owners (person_id, name, email, groups, seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET
         name = excluded.name, email = excluded.email, groups = excluded.groups, seen_at = excluded.seen_at`,
      [owner.personId, owner.name, owner.email, JSON.stringify(owner.groups), owner.seenAt],
    );
  }

  close(): Promise<void> {
    return this.#sql.close();
  }
}
