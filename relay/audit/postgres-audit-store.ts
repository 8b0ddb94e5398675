/**
 * The audit log in PostgreSQL, shared by every relay node. Appends from all
 * nodes are serialised by a transaction-scoped advisory lock, so the chain
 * stays one line. Queries only; the pool comes from relay/db.
 */
import type pg from 'pg';
import { pgTransaction } from '../db/postgres.ts';
import { GENESIS_HASH } from './chain.ts';
import { AUDIT_COLUMNS, chainEntry, rowToEntry, rowValues, whereOf } from './rows.ts';
import type { AuditEntry, AuditFilter, AuditInput, AuditPage, AuditStore } from './types.ts';

/** Arbitrary constant key of the advisory lock that orders appends across nodes. */
const APPEND_LOCK = 7_301_948;

const PLACEHOLDERS = Array.from({ length: 11 }, (_, i) => `$${String(i + 1)}`).join(', ');

type Tail = { seq: number; hash: string } | null;

async function readTail(client: pg.PoolClient): Promise<Tail> {
  const result = await client.query<{ seq: string; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const row = result.rows[0];
  return row === undefined ? null : { seq: Number(row.seq), hash: row.hash };
}

async function appendWith(
  client: pg.PoolClient,
  input: AuditInput,
  at: number,
  knownTail?: Tail,
): Promise<AuditEntry> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
  const tail = knownTail === undefined ? await readTail(client) : knownTail;
  const entry = chainEntry(input, at, tail, GENESIS_HASH);
  await client.query(
    `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (${PLACEHOLDERS})`,
    rowValues(entry),
  );
  return entry;
}

export class PostgresAuditStore implements AuditStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  append(input: AuditInput, at: number): Promise<AuditEntry> {
    return pgTransaction(this.#pool, (client) => appendWith(client, input, at));
  }

  async query(filter: AuditFilter): Promise<AuditPage> {
    const { sql, values } = whereOf(filter, (i) => `$${String(i)}`);
    const result = await this.#pool.query<Record<string, unknown>>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log ${sql} ORDER BY seq DESC LIMIT $${String(values.length + 1)}`,
      [...values, filter.limit + 1],
    );
    const entries = result.rows.slice(0, filter.limit).map(rowToEntry);
    const last = entries.at(-1);
    return {
      entries,
      next: result.rows.length > filter.limit && last !== undefined ? last.seq : null,
    };
  }

  async after(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    const result = await this.#pool.query<Record<string, unknown>>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return result.rows.map(rowToEntry);
  }

  purge(before: number, at: number): Promise<number> {
    return pgTransaction(this.#pool, async (client) => {
      // Taken before reading, so no append slips between the read and the delete.
      await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const found = await client.query<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_log WHERE at < $1 ORDER BY seq DESC LIMIT 1',
        [before],
      );
      const last = found.rows[0];
      if (last === undefined) return 0;
      const through = Number(last.seq);
      // Read before the delete: purging everything must not restart the numbering.
      const tail = await readTail(client);
      const deleted = await client.query('DELETE FROM audit_log WHERE seq <= $1', [through]);
      const purged = deleted.rowCount ?? 0;
      await appendWith(
        client,
        {
          kind: 'audit.purged',
          actor: null,
          detail: { throughSeq: through, lastHash: last.hash, purged, before },
        },
        at,
        tail,
      );
      return purged;
    });
  }

  /** The pool belongs to whoever opened it (relay/db); nothing to release here. */
  close(): void {
    // Intentionally empty.
  }
}
