/** Row conversions shared by both notification stores. */
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationKindSchema,
  NotificationSettingsSchema,
  type NotificationSettings,
} from '../../shared/notifications-api.ts';
import type { StoredNotification } from './types.ts';

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function epoch(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function notificationRow(row: Record<string, unknown>): StoredNotification {
  return {
    id: String(row['id']),
    recipient: String(row['recipient']),
    kind: NotificationKindSchema.parse(row['kind']),
    eventKey: String(row['event_key']),
    spaceId: String(row['space_id']),
    noteId: text(row['note_id']),
    targetId: text(row['target_id']),
    actor: text(row['actor']),
    createdAt: epoch(row['created_at']) ?? 0,
    readAt: epoch(row['read_at']),
  };
}

/** Stored settings JSON, or the defaults when absent or unreadable. */
export function parseSettings(value: unknown): NotificationSettings {
  if (typeof value !== 'string') return DEFAULT_NOTIFICATION_SETTINGS;
  try {
    const parsed = NotificationSettingsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_SETTINGS;
  } catch {
    return DEFAULT_NOTIFICATION_SETTINGS;
  }
}
