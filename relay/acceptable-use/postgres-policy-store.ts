/**
 * The acceptable-use policy in PostgreSQL, shared by every relay node.
 * Publishes from several nodes are serialised by a transaction-scoped
 * advisory lock, so version numbers never repeat. Queries only; the pool
 * comes from relay/db.
 */
import type pg from 'pg';
import { pgTransaction } from '../db/postgres.ts';
import type { AcceptanceInput, PolicyStore, PolicyVersion, StoredAcceptance } from './types.ts';

/** Arbitrary constant key of the advisory lock that orders publishes across nodes. */
const PUBLISH_LOCK = 7_301_949;

const COLUMNS = 'version, text, published_at, published_by';

interface VersionRow {
  version: number;
  text: string;
  published_at: string;
  published_by: string;
}

function toVersion(row: VersionRow): PolicyVersion {
  return {
    version: row.version,
    text: row.text,
    publishedAt: Number(row.published_at),
    publishedBy: row.published_by,
  };
}

export class PostgresPolicyStore implements PolicyStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async current(): Promise<PolicyVersion | null> {
    const result = await this.#pool.query<VersionRow>(
      `SELECT ${COLUMNS} FROM policy_versions ORDER BY version DESC LIMIT 1`,
    );
    const row = result.rows[0];
    return row === undefined ? null : toVersion(row);
  }

  async versions(): Promise<PolicyVersion[]> {
    const result = await this.#pool.query<VersionRow>(
      `SELECT ${COLUMNS} FROM policy_versions ORDER BY version DESC`,
    );
    return result.rows.map(toVersion);
  }

  publish(text: string, by: string, at: number): Promise<PolicyVersion> {
    return pgTransaction(this.#pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      const max = await client.query<{ v: number | null }>(
        'SELECT MAX(version) AS v FROM policy_versions',
      );
      const version = (max.rows[0]?.v ?? 0) + 1;
      await client.query(`INSERT INTO policy_versions (${COLUMNS}) VALUES ($1, $2, $3, $4)`, [
        version,
        text,
        at,
        by,
      ]);
      return { version, text, publishedAt: at, publishedBy: by };
    });
  }

  async accept(input: AcceptanceInput): Promise<void> {
    await this.#pool.query(
      `INSERT INTO policy_acceptances (user_id, version, at, ip, client) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, version) DO NOTHING`,
      [input.userId, input.version, input.at, input.ip, input.client],
    );
  }

  async acceptedVersion(userId: string): Promise<number | null> {
    const result = await this.#pool.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM policy_acceptances WHERE user_id = $1',
      [userId],
    );
    return result.rows[0]?.v ?? null;
  }

  async acceptances(
    version: number,
    limit: number,
  ): Promise<{ count: number; list: StoredAcceptance[] }> {
    const count = await this.#pool.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM policy_acceptances WHERE version = $1',
      [version],
    );
    const list = await this.#pool.query<{ user_id: string; at: string }>(
      'SELECT user_id, at FROM policy_acceptances WHERE version = $1 ORDER BY at DESC, user_id LIMIT $2',
      [version, limit],
    );
    return {
      count: Number(count.rows[0]?.n ?? 0),
      list: list.rows.map((row) => ({ userId: row.user_id, at: Number(row.at) })),
    };
  }

  close(): void {
    // The pool belongs to relay/db's stores.
  }
}
