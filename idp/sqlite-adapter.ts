import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';

/** File of the IdP's sessions, grants and tokens inside its data directory. */
export const STORE_FILE = 'dev-idp-store.sqlite';

const SCHEMA_VERSION = 1;

/**
 * Opens (creating if needed) the store of oidc-provider's models: sessions,
 * grants, interactions, authorization codes and refresh tokens, in `dataDir`,
 * or in memory without one (tests). oidc-provider ships only an in-memory
 * adapter, which forgets every grant at a restart and signs everyone out; its
 * adapter contract is small (seven methods, see oidc-provider's
 * example/my_adapter.js) and node:sqlite needs no dependency, so this one is
 * written here rather than pulled in.
 */
export function openStore(dataDir: string | undefined): DatabaseSync {
  let db: DatabaseSync;
  if (dataDir === undefined) {
    db = new DatabaseSync(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, STORE_FILE);
    // Owner-only, like the keys: it holds refresh tokens. SQLite gives its
    // -wal and -shm files the main file's mode.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    db = new DatabaseSync(file);
    db.exec('PRAGMA journal_mode = WAL');
  }
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as {
    user_version: number;
  };
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${STORE_FILE} was written by a newer version (schema ${String(version)})`);
  }
  if (version < SCHEMA_VERSION) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS oidc_model (
        model TEXT NOT NULL,
        id TEXT NOT NULL,
        payload TEXT NOT NULL,
        grant_id TEXT,
        user_code TEXT,
        uid TEXT,
        expires_at INTEGER,
        PRIMARY KEY (model, id)
      );
      CREATE INDEX IF NOT EXISTS oidc_model_grant ON oidc_model (grant_id);
      CREATE INDEX IF NOT EXISTS oidc_model_uid ON oidc_model (model, uid);
      CREATE INDEX IF NOT EXISTS oidc_model_user_code ON oidc_model (model, user_code);
      PRAGMA user_version = ${String(SCHEMA_VERSION)};
    `);
  }
  // Expired rows are never returned; dropping them at open keeps the file small.
  db.prepare('DELETE FROM oidc_model WHERE expires_at IS NOT NULL AND expires_at <= ?').run(
    Date.now(),
  );
  return db;
}

function parse(row: unknown): AdapterPayload | undefined {
  if (row === undefined) return undefined;
  const { payload, expires_at: expiresAt } = row as { payload: string; expires_at: number | null };
  if (expiresAt !== null && expiresAt <= Date.now()) return undefined;
  return JSON.parse(payload) as AdapterPayload;
}

/**
 * An oidc-provider adapter class backed by `db` (from {@link openStore}).
 * Each model (Session, Grant, RefreshToken, …) gets an instance; rows are
 * keyed by model and id, with the grant id indexed so that revoking a grant
 * (a reused rotated refresh token does that) removes every token under it.
 */
export function sqliteAdapter(db: DatabaseSync): AdapterConstructor {
  const statements = {
    upsert: db.prepare(
      `INSERT INTO oidc_model (model, id, payload, grant_id, user_code, uid, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload,
         grant_id = excluded.grant_id, user_code = excluded.user_code,
         uid = excluded.uid, expires_at = excluded.expires_at`,
    ),
    find: db.prepare('SELECT payload, expires_at FROM oidc_model WHERE model = ? AND id = ?'),
    findByUid: db.prepare('SELECT payload, expires_at FROM oidc_model WHERE model = ? AND uid = ?'),
    findByUserCode: db.prepare(
      'SELECT payload, expires_at FROM oidc_model WHERE model = ? AND user_code = ?',
    ),
    consume: db.prepare(
      `UPDATE oidc_model SET payload = json_set(payload, '$.consumed', ?)
       WHERE model = ? AND id = ?`,
    ),
    destroy: db.prepare('DELETE FROM oidc_model WHERE model = ? AND id = ?'),
    revokeByGrantId: db.prepare('DELETE FROM oidc_model WHERE grant_id = ?'),
  };

  return class SqliteAdapter implements Adapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null;
      statements.upsert.run(
        this.#model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        expiresAt,
      );
      return Promise.resolve();
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(parse(statements.find.get(this.#model, id)));
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(parse(statements.findByUid.get(this.#model, uid)));
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(parse(statements.findByUserCode.get(this.#model, userCode)));
    }

    consume(id: string): Promise<void> {
      statements.consume.run(Math.floor(Date.now() / 1000), this.#model, id);
      return Promise.resolve();
    }

    destroy(id: string): Promise<void> {
      statements.destroy.run(this.#model, id);
      return Promise.resolve();
    }

    revokeByGrantId(grantId: string): Promise<void> {
      statements.revokeByGrantId.run(grantId);
      return Promise.resolve();
    }
  };
}
