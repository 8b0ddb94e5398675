/**
 * Webhooks and their outbox in SQLite (`webhooks.sqlite` in the data
 * directory). One relay process owns the file, so a claim is one immediate
 * transaction; the lease still matters across a restart (a claim in flight
 * when the process died is due again once its lease runs out).
 */
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Delivery, WebhookEventKind } from '../../shared/webhooks-api.ts';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import {
  CLAIM_COLUMNS,
  DELIVERY_COLUMNS,
  newLeaseToken,
  outcomeValues,
  payloadOf,
  rowToClaim,
  rowToDelivery,
  rowToWebhook,
  WEBHOOK_COLUMNS,
  webhookValues,
} from './rows.ts';
import { SQLITE_WEBHOOK_MIGRATIONS } from './schema.ts';
import type {
  AttemptOutcome,
  ClaimedDelivery,
  OutboxInput,
  WebhookRow,
  WebhookStore,
} from './types.ts';

export const WEBHOOKS_FILE = 'webhooks.sqlite';

/** Opens (creating if needed) `webhooks.sqlite` in `dataDir` with its schema up to date. */
export function openWebhooksSqlite(dataDir: string): DatabaseSync {
  return openSqlite(join(dataDir, WEBHOOKS_FILE), {
    store: 'webhooks',
    migrations: SQLITE_WEBHOOK_MIGRATIONS,
  });
}

export class SqliteWebhookStore implements WebhookStore {
  readonly #db: DatabaseSync;
  #closed = false;

  constructor(options: { readonly dataDir: string }) {
    this.#db = openWebhooksSqlite(options.dataDir);
  }

  create(row: WebhookRow): void {
    this.#db
      .prepare(`INSERT INTO webhooks (${WEBHOOK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...webhookValues(row));
  }

  get(id: string): WebhookRow | null {
    const row = this.#db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?`).get(id);
    return row === undefined ? null : rowToWebhook(row);
  }

  list(filter?: { readonly spaceId: string | null }): WebhookRow[] {
    const rows =
      filter === undefined
        ? this.#db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`).all()
        : this.#db
            .prepare(
              `SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE space_id IS ? ORDER BY created_at, id`,
            )
            .all(filter.spaceId);
    return rows.map(rowToWebhook);
  }

  subscribers(spaceId: string, kind: WebhookEventKind): WebhookRow[] {
    return this.#db
      .prepare(
        `SELECT ${WEBHOOK_COLUMNS} FROM webhooks
         WHERE enabled = 1 AND (space_id IS NULL OR space_id = ?) ORDER BY created_at, id`,
      )
      .all(spaceId)
      .map(rowToWebhook)
      .filter((row) => row.events.includes(kind));
  }

  update(
    id: string,
    change: { readonly enabled?: boolean; readonly events?: readonly WebhookEventKind[] },
  ): WebhookRow | null {
    return sqliteTransaction(this.#db, () => {
      if (change.enabled !== undefined) {
        this.#db
          .prepare('UPDATE webhooks SET enabled = ? WHERE id = ?')
          .run(change.enabled ? 1 : 0, id);
      }
      if (change.events !== undefined) {
        this.#db
          .prepare('UPDATE webhooks SET events = ? WHERE id = ?')
          .run(change.events.join(','), id);
      }
      return this.get(id);
    });
  }

  delete(id: string): boolean {
    return sqliteTransaction(this.#db, () => {
      this.#db.prepare('DELETE FROM outbox WHERE webhook_id = ?').run(id);
      return Number(this.#db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes) > 0;
    });
  }

  enqueue(inputs: readonly OutboxInput[]): void {
    if (inputs.length === 0) return;
    const waiting = this.#db.prepare(
      `SELECT event_id FROM outbox WHERE webhook_id = ? AND debounce_key = ? AND status = 'pending'`,
    );
    const fold = this.#db.prepare(
      'UPDATE outbox SET payload = ?, next_attempt_at = ? WHERE webhook_id = ? AND event_id = ?',
    );
    const insert = this.#db.prepare(
      `INSERT INTO outbox (event_id, webhook_id, kind, payload, status, attempts, next_attempt_at,
         created_at, debounce_key)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    sqliteTransaction(this.#db, () => {
      for (const input of inputs) {
        const key = input.debounceKey ?? null;
        const found = key === null ? undefined : waiting.get(input.webhookId, key);
        if (found !== undefined) {
          const eventId = String(found['event_id']);
          fold.run(payloadOf(input, eventId), input.notBefore, input.webhookId, eventId);
          continue;
        }
        insert.run(
          input.eventId,
          input.webhookId,
          input.kind,
          payloadOf(input, input.eventId),
          input.notBefore,
          input.createdAt,
          key,
        );
      }
    });
  }

  claim(now: number, leaseMs: number, limit: number): ClaimedDelivery[] {
    return sqliteTransaction(this.#db, () => {
      const due = this.#db
        .prepare(
          `SELECT webhook_id, event_id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
           ORDER BY next_attempt_at LIMIT ?`,
        )
        .all(now, limit);
      const take = this.#db.prepare(
        `UPDATE outbox SET lease_token = ?, next_attempt_at = ?, debounce_key = NULL
         WHERE webhook_id = ? AND event_id = ? RETURNING ${CLAIM_COLUMNS}`,
      );
      return due.flatMap((row) => {
        const claimed = take.get(
          newLeaseToken(),
          now + leaseMs,
          String(row['webhook_id']),
          String(row['event_id']),
        );
        return claimed === undefined ? [] : [rowToClaim(claimed)];
      });
    });
  }

  settle(claim: ClaimedDelivery, outcome: AttemptOutcome): boolean {
    const result = this.#db
      .prepare(
        `UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?,
           last_error = ?, delivered_at = ?, lease_token = NULL
         WHERE webhook_id = ? AND event_id = ? AND lease_token = ? AND status = 'pending'`,
      )
      .run(...outcomeValues(claim, outcome), claim.webhookId, claim.eventId, claim.leaseToken);
    return Number(result.changes) > 0;
  }

  deliveries(webhookId: string, limit: number): Delivery[] {
    return this.#db
      .prepare(
        `SELECT ${DELIVERY_COLUMNS} FROM outbox WHERE webhook_id = ?
         ORDER BY created_at DESC, event_id DESC LIMIT ?`,
      )
      .all(webhookId, limit)
      .map(rowToDelivery);
  }

  nextDue(): number | null {
    const row = this.#db
      .prepare(`SELECT MIN(next_attempt_at) AS due FROM outbox WHERE status = 'pending'`)
      .get();
    const due = row?.['due'];
    return due === null || due === undefined ? null : Number(due);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSqlite(this.#db);
  }
}
