/**
 * `NotificationStore` on SQLite (`notifications.sqlite` in the data
 * directory). Queries only: relay/db opens the file and applies migrations.
 */
import { join } from 'node:path';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { NotificationSettings } from '../../shared/notifications-api.ts';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import { notificationRow, parseSettings } from './rows.ts';
import { SQLITE_NOTIFICATION_MIGRATIONS } from './schema.ts';
import type {
  DueItem,
  ListFilter,
  NewNotification,
  NotificationStore,
  StoredNotification,
} from './types.ts';

export const NOTIFICATIONS_FILE = 'notifications.sqlite';

export class SqliteNotificationStore implements NotificationStore {
  readonly #db: DatabaseSync;
  #closed = false;

  constructor(options: { readonly dataDir: string }) {
    this.#db = openSqlite(join(options.dataDir, NOTIFICATIONS_FILE), {
      store: 'notifications',
      migrations: SQLITE_NOTIFICATION_MIGRATIONS,
    });
  }

  insert(n: NewNotification, id: string): StoredNotification | null {
    const result = this.#db
      .prepare(
        `INSERT INTO notifications (id, recipient, kind, event_key, space_id, note_id, target_id, actor, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (recipient, event_key) DO NOTHING`,
      )
      .run(
        id,
        n.recipient,
        n.kind,
        n.eventKey,
        n.spaceId,
        n.noteId,
        n.targetId,
        n.actor,
        n.createdAt,
      );
    return result.changes === 0 ? null : { ...n, id, readAt: null };
  }

  list(recipient: string, filter: ListFilter): StoredNotification[] {
    const args: SQLInputValue[] = [recipient];
    let where = 'recipient = ?';
    if (filter.kind !== undefined) {
      where += ' AND kind = ?';
      args.push(filter.kind);
    }
    if (filter.unreadOnly === true) where += ' AND read_at IS NULL';
    args.push(filter.limit);
    return this.#db
      .prepare(`SELECT * FROM notifications WHERE ${where} ORDER BY created_at DESC, id LIMIT ?`)
      .all(...args)
      .map(notificationRow);
  }

  unreadCount(recipient: string): number {
    const row = this.#db
      .prepare('SELECT COUNT(*) AS n FROM notifications WHERE recipient = ? AND read_at IS NULL')
      .get(recipient);
    return Number(row?.['n'] ?? 0);
  }

  markRead(recipient: string, ids: readonly string[], at: number): number {
    return sqliteTransaction(this.#db, () => {
      const update = this.#db.prepare(
        'UPDATE notifications SET read_at = ? WHERE recipient = ? AND id = ? AND read_at IS NULL',
      );
      let changed = 0;
      for (const id of ids) changed += Number(update.run(at, recipient, id).changes);
      return changed;
    });
  }

  markAllRead(recipient: string, at: number): number {
    const result = this.#db
      .prepare('UPDATE notifications SET read_at = ? WHERE recipient = ? AND read_at IS NULL')
      .run(at, recipient);
    return Number(result.changes);
  }

  settings(person: string): NotificationSettings {
    const row = this.#db
      .prepare('SELECT settings FROM notification_settings WHERE person = ?')
      .get(person);
    return parseSettings(row?.['settings']);
  }

  setSettings(person: string, settings: NotificationSettings): void {
    this.#db
      .prepare(
        'INSERT INTO notification_settings (person, settings) VALUES (?, ?) ON CONFLICT (person) DO UPDATE SET settings = excluded.settings',
      )
      .run(person, JSON.stringify(settings));
  }

  replaceDueItems(spaceId: string, noteId: string, items: readonly DueItem[]): void {
    sqliteTransaction(this.#db, () => {
      this.#db
        .prepare('DELETE FROM due_items WHERE space_id = ? AND note_id = ?')
        .run(spaceId, noteId);
      const insert = this.#db.prepare(
        'INSERT OR REPLACE INTO due_items (space_id, note_id, item_id, assignee, due) VALUES (?, ?, ?, ?, ?)',
      );
      for (const item of items) insert.run(spaceId, noteId, item.itemId, item.assignee, item.due);
    });
  }

  dueBy(date: string): DueItem[] {
    return this.#db
      .prepare('SELECT * FROM due_items WHERE due <= ? ORDER BY due, space_id, note_id, item_id')
      .all(date)
      .map((row) => ({
        spaceId: String(row['space_id']),
        noteId: String(row['note_id']),
        itemId: String(row['item_id']),
        assignee: String(row['assignee']),
        due: String(row['due']),
      }));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSqlite(this.#db);
  }
}
