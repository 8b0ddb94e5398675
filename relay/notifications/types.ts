/**
 * The notification store: each person's notifications (one row per event
 * and recipient: the unique `(recipient, event_key)` makes generation
 * idempotent, across restarts and relay nodes), their settings, and the
 * open action items with an assignee and a due date that the due scan reads.
 * SQLite (`notifications.sqlite`) or PostgreSQL behind one interface;
 * methods may answer synchronously or with a promise, callers always `await`.
 */
import type { NotificationKind, NotificationSettings } from '../../shared/notifications-api.ts';
import type { MaybePromise } from '../storage/types.ts';

/** A notification to record. */
export interface NewNotification {
  readonly recipient: string;
  readonly kind: NotificationKind;
  /** Identifies the event: the same key for the same recipient is recorded once. */
  readonly eventKey: string;
  readonly spaceId: string;
  readonly noteId: string | null;
  readonly targetId: string | null;
  readonly actor: string | null;
  readonly createdAt: number;
}

/** A stored notification. */
export interface StoredNotification extends NewNotification {
  readonly id: string;
  readonly readAt: number | null;
}

export interface ListFilter {
  readonly kind?: NotificationKind;
  readonly unreadOnly?: boolean;
  readonly limit: number;
}

/** An open action item with an assignee and a due date (`YYYY-MM-DD`). */
export interface DueItem {
  readonly spaceId: string;
  readonly noteId: string;
  readonly itemId: string;
  readonly assignee: string;
  readonly due: string;
}

export interface NotificationStore {
  /** Records `n` unless its (recipient, eventKey) is already stored; the new row, or null. */
  insert(n: NewNotification, id: string): MaybePromise<StoredNotification | null>;
  /** Newest first. */
  list(recipient: string, filter: ListFilter): MaybePromise<StoredNotification[]>;
  unreadCount(recipient: string): MaybePromise<number>;
  /** Marks the recipient's notifications among `ids` read; how many changed. */
  markRead(recipient: string, ids: readonly string[], at: number): MaybePromise<number>;
  markAllRead(recipient: string, at: number): MaybePromise<number>;
  settings(person: string): MaybePromise<NotificationSettings>;
  setSettings(person: string, settings: NotificationSettings): MaybePromise<void>;
  /** Replaces what the due scan knows of one note's open, assigned, dated action items. */
  replaceDueItems(spaceId: string, noteId: string, items: readonly DueItem[]): MaybePromise<void>;
  /** Open assigned items due on or before `date` (`YYYY-MM-DD`). */
  dueBy(date: string): MaybePromise<DueItem[]>;
  close(): MaybePromise<void>;
}
