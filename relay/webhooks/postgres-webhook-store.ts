/**
 * Webhooks and their outbox in PostgreSQL, shared by every relay node. A
 * claim takes due rows with `FOR UPDATE SKIP LOCKED` and moves their next
 * attempt past the lease in the same statement, so two nodes never claim
 * the same delivery, and a node that dies mid-attempt leaves it due again
 * once the lease runs out. Queries only; the pool comes from relay/db.
 */
import type pg from 'pg';
import type { Delivery, WebhookEventKind } from '../../shared/webhooks-api.ts';
import { pgTransaction } from '../db/postgres.ts';
import {
  CLAIM_COLUMNS,
  DELIVERY_COLUMNS,
  outcomeValues,
  payloadOf,
  rowToClaim,
  rowToDelivery,
  rowToWebhook,
  WEBHOOK_COLUMNS,
  webhookValues,
} from './rows.ts';
import type {
  AttemptOutcome,
  ClaimedDelivery,
  OutboxInput,
  WebhookRow,
  WebhookStore,
} from './types.ts';

export class PostgresWebhookStore implements WebhookStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async create(row: WebhookRow): Promise<void> {
    await this.#pool.query(
      `INSERT INTO webhooks (${WEBHOOK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      webhookValues(row),
    );
  }

  async get(id: string): Promise<WebhookRow | null> {
    const result = await this.#pool.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, [
      id,
    ]);
    const row = result.rows[0] as Record<string, unknown> | undefined;
    return row === undefined ? null : rowToWebhook(row);
  }

  async list(filter?: { readonly spaceId: string | null }): Promise<WebhookRow[]> {
    const result =
      filter === undefined
        ? await this.#pool.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`)
        : await this.#pool.query(
            `SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE space_id IS NOT DISTINCT FROM $1
             ORDER BY created_at, id`,
            [filter.spaceId],
          );
    return (result.rows as Record<string, unknown>[]).map(rowToWebhook);
  }

  async subscribers(spaceId: string, kind: WebhookEventKind): Promise<WebhookRow[]> {
    const result = await this.#pool.query(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks
       WHERE enabled = 1 AND (space_id IS NULL OR space_id = $1) ORDER BY created_at, id`,
      [spaceId],
    );
    return (result.rows as Record<string, unknown>[])
      .map(rowToWebhook)
      .filter((row) => row.events.includes(kind));
  }

  async update(
    id: string,
    change: { readonly enabled?: boolean; readonly events?: readonly WebhookEventKind[] },
  ): Promise<WebhookRow | null> {
    await this.#pool.query(
      `UPDATE webhooks SET enabled = COALESCE($2, enabled), events = COALESCE($3, events)
       WHERE id = $1`,
      [
        id,
        change.enabled === undefined ? null : change.enabled ? 1 : 0,
        change.events === undefined ? null : change.events.join(','),
      ],
    );
    return this.get(id);
  }

  delete(id: string): Promise<boolean> {
    return pgTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM outbox WHERE webhook_id = $1', [id]);
      const result = await client.query('DELETE FROM webhooks WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  async enqueue(inputs: readonly OutboxInput[]): Promise<void> {
    if (inputs.length === 0) return;
    await pgTransaction(this.#pool, async (client) => {
      for (const input of inputs) {
        const key = input.debounceKey ?? null;
        if (key !== null) {
          // Locked, so a claim by another node waits until this fold is in.
          const found = await client.query<{ event_id: string }>(
            `SELECT event_id FROM outbox WHERE webhook_id = $1 AND debounce_key = $2
             AND status = 'pending' FOR UPDATE`,
            [input.webhookId, key],
          );
          const eventId = found.rows[0]?.event_id;
          if (eventId !== undefined) {
            await client.query(
              `UPDATE outbox SET payload = $1, next_attempt_at = $2
               WHERE webhook_id = $3 AND event_id = $4`,
              [payloadOf(input, eventId), input.notBefore, input.webhookId, eventId],
            );
            continue;
          }
        }
        await client.query(
          `INSERT INTO outbox (event_id, webhook_id, kind, payload, status, attempts,
             next_attempt_at, created_at, debounce_key)
           VALUES ($1, $2, $3, $4, 'pending', 0, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [
            input.eventId,
            input.webhookId,
            input.kind,
            payloadOf(input, input.eventId),
            input.notBefore,
            input.createdAt,
            key,
          ],
        );
      }
    });
  }

  async claim(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const result = await this.#pool.query(
      `UPDATE outbox SET lease_token = gen_random_uuid()::text, next_attempt_at = $2,
         debounce_key = NULL
       WHERE (webhook_id, event_id) IN (
         SELECT webhook_id, event_id FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${CLAIM_COLUMNS}`,
      [now, now + leaseMs, limit],
    );
    return (result.rows as Record<string, unknown>[]).map(rowToClaim);
  }

  async settle(claim: ClaimedDelivery, outcome: AttemptOutcome): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_status = $4,
         last_error = $5, delivered_at = $6, lease_token = NULL
       WHERE webhook_id = $7 AND event_id = $8 AND lease_token = $9 AND status = 'pending'`,
      [...outcomeValues(claim, outcome), claim.webhookId, claim.eventId, claim.leaseToken],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async deliveries(webhookId: string, limit: number): Promise<Delivery[]> {
    const result = await this.#pool.query(
      `SELECT ${DELIVERY_COLUMNS} FROM outbox WHERE webhook_id = $1
       ORDER BY created_at DESC, event_id DESC LIMIT $2`,
      [webhookId, limit],
    );
    return (result.rows as Record<string, unknown>[]).map(rowToDelivery);
  }

  async nextDue(): Promise<number | null> {
    const result = await this.#pool.query<{ due: string | null }>(
      `SELECT MIN(next_attempt_at) AS due FROM outbox WHERE status = 'pending'`,
    );
    const due = result.rows[0]?.due ?? null;
    return due === null ? null : Number(due);
  }

  close(): void {
    // The pool belongs to relay/db's stores, which close it.
  }
}
