import { z } from 'zod';

/**
 * Notifications the relay generates for a person (besides the mentions the
 * app finds in local notes): assigned an action item, an action item of
 * theirs due tomorrow or overdue, a reply in a comment thread they take part
 * in, added to a space. Stored relay-side so read state follows the person
 * across devices; pushed live to their open connections.
 */

export const NOTIFICATION_KINDS = [
  'action_item.assigned',
  'action_item.due',
  'action_item.overdue',
  'comment.reply',
  'space.added',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** One notification as the relay lists and pushes it. */
export const NotificationSchema = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  spaceId: z.string(),
  /** The note it is about; null for `space.added`. */
  noteId: z.string().nullable(),
  /** The action item (`action_item.*`) or the comment thread (`comment.reply`). */
  targetId: z.string().nullable(),
  /** Who caused it (assigner, replier, inviter); null for the due scan. */
  actor: z.string().nullable(),
  createdAt: z.number().int(),
  readAt: z.number().int().nullable(),
  /** The space or note is muted for the person: listed, but never pushed or shown by the OS. */
  muted: z.boolean(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** Most notifications one list call returns (newest first). */
export const NOTIFICATION_PAGE_MAX = 200;

export const NotificationsResponseSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int().nonnegative(),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponseSchema>;

export const MarkReadRequestSchema = z
  .object({ ids: z.array(z.string().min(1).max(64)).min(1).max(NOTIFICATION_PAGE_MAX) })
  .strict();

export const MarkReadResponseSchema = z.object({ marked: z.number().int().nonnegative() });

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Do-not-disturb: every day from `start` to `end` (local clock of
 * `timeZone`, an IANA zone; `end` before `start` spans midnight) OS
 * notifications are suppressed; the inbox keeps every entry.
 */
export const DndScheduleSchema = z
  .object({
    start: z.string().regex(CLOCK_TIME),
    end: z.string().regex(CLOCK_TIME),
    timeZone: z.string().min(1).max(64),
  })
  .strict()
  .refine((s) => validTimeZone(s.timeZone), { error: 'unknown time zone' });
export type DndSchedule = z.infer<typeof DndScheduleSchema>;

export const NotificationSettingsSchema = z
  .object({
    mutedSpaces: z.array(z.string().min(1).max(128)).max(500),
    /** Muted notes as `<spaceId>/<noteId>`; absent in settings stored before notes could be muted. */
    mutedNotes: z.array(z.string().min(3).max(257)).max(500).default([]),
    dnd: DndScheduleSchema.nullable(),
  })
  .strict();
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  mutedSpaces: [],
  mutedNotes: [],
  dnd: null,
};

/** The `mutedNotes` entry of a note. */
export function mutedNoteKey(spaceId: string, noteId: string): string {
  return `${spaceId}/${noteId}`;
}

/** Whether a notification about `spaceId` (and `noteId`, if any) is muted by `settings`. */
export function isMuted(
  settings: Pick<NotificationSettings, 'mutedSpaces' | 'mutedNotes'>,
  spaceId: string,
  noteId: string | null,
): boolean {
  if (settings.mutedSpaces.includes(spaceId)) return true;
  return noteId !== null && settings.mutedNotes.includes(mutedNoteKey(spaceId, noteId));
}

/**
 * The live frame's payload (MessageType.Notification): the notification and
 * whether the client may show an OS notification for it now (false during
 * the person's do-not-disturb hours).
 */
export const NotificationPushSchema = z.object({
  notification: NotificationSchema,
  alert: z.boolean(),
});
export type NotificationPush = z.infer<typeof NotificationPushSchema>;

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function minutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** Whether `at` (epoch ms) falls inside `dnd`'s daily window, read on its zone's clock. */
export function inDnd(dnd: DndSchedule | null, at: number): boolean {
  if (dnd === null) return false;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: dnd.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const now = part('hour') * 60 + part('minute');
  const start = minutes(dnd.start);
  const end = minutes(dnd.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}
