/**
 * `NotificationStore` on PostgreSQL, shared by every relay node. Queries
 * only; the pool comes from relay/db and is not closed here.
 */
import type pg from 'pg';
import type { NotificationSettings } from '../../shared/notifications-api.ts';
import { pgTransaction } from '../db/postgres.ts';
import { notificationRow, parseSettings } from './rows.ts';
import type {
  DueItem,
  ListFilter,
  NewNotification,
  NotificationStore,
  StoredNotification,
} from './types.ts';

export class PostgresNotificationStore implements NotificationStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async insert(n: NewNotification, id: string): Promise<StoredNotification | null> {
    const result = await this.#pool.query(
      `INSERT INTO notifications (id, recipient, kind, event_key, space_id, note_id, target_id, actor, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (recipient, event_key) DO NOTHING`,
      [id, n.recipient, n.kind, n.eventKey, n.spaceId, n.noteId, n.targetId, n.actor, n.createdAt],
    );
    return result.rowCount === 0 ? null : { ...n, id, readAt: null };
  }

  async list(recipient: string, filter: ListFilter): Promise<StoredNotification[]> {
    const args: unknown[] = [recipient];
    let where = 'recipient = $1';
    if (filter.kind !== undefined) {
      args.push(filter.kind);
      where += ` AND kind = $${String(args.length)}`;
    }
    if (filter.unreadOnly === true) where += ' AND read_at IS NULL';
    args.push(filter.limit);
    const result = await this.#pool.query(
      `SELECT * FROM notifications WHERE ${where} ORDER BY created_at DESC, id LIMIT $${String(args.length)}`,
      args,
    );
    return result.rows.map((row) => notificationRow(row as Record<string, unknown>));
  }

  async unreadCount(recipient: string): Promise<number> {
    const result = await this.#pool.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM notifications WHERE recipient = $1 AND read_at IS NULL',
      [recipient],
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  async markRead(recipient: string, ids: readonly string[], at: number): Promise<number> {
    const result = await this.#pool.query(
      'UPDATE notifications SET read_at = $1 WHERE recipient = $2 AND id = ANY($3::text[]) AND read_at IS NULL',
      [at, recipient, [...ids]],
    );
    return result.rowCount ?? 0;
  }

  async markAllRead(recipient: string, at: number): Promise<number> {
    const result = await this.#pool.query(
      'UPDATE notifications SET read_at = $1 WHERE recipient = $2 AND read_at IS NULL',
      [at, recipient],
    );
    return result.rowCount ?? 0;
  }

  async settings(person: string): Promise<NotificationSettings> {
    const result = await this.#pool.query<{ settings: string }>(
      'SELECT settings FROM notification_settings WHERE person = $1',
      [person],
    );
    return parseSettings(result.rows[0]?.settings);
  }

  async setSettings(person: string, settings: NotificationSettings): Promise<void> {
    await this.#pool.query(
      'INSERT INTO notification_settings (person, settings) VALUES ($1, $2) ON CONFLICT (person) DO UPDATE SET settings = excluded.settings',
      [person, JSON.stringify(settings)],
    );
  }

  async replaceDueItems(spaceId: string, noteId: string, items: readonly DueItem[]): Promise<void> {
    await pgTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM due_items WHERE space_id = $1 AND note_id = $2', [
        spaceId,
        noteId,
      ]);
      for (const item of items) {
        await client.query(
          `INSERT INTO due_items (space_id, note_id, item_id, assignee, due) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (space_id, note_id, item_id) DO UPDATE SET assignee = excluded.assignee, due = excluded.due`,
          [spaceId, noteId, item.itemId, item.assignee, item.due],
        );
      }
    });
  }

  async dueBy(date: string): Promise<DueItem[]> {
    const result = await this.#pool.query<{
      space_id: string;
      note_id: string;
      item_id: string;
      assignee: string;
      due: string;
    }>('SELECT * FROM due_items WHERE due <= $1 ORDER BY due, space_id, note_id, item_id', [date]);
    return result.rows.map((r) => ({
      spaceId: r.space_id,
      noteId: r.note_id,
      itemId: r.item_id,
      assignee: r.assignee,
      due: r.due,
    }));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
