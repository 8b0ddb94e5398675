import { createContext } from 'react';
import type { NotificationKind } from '../../../shared/notifications-api.ts';

/**
 * What the whole Inbox can be narrowed to: my mentions, or one kind of the
 * relay's updates. Due and overdue are one choice: both say "this action
 * item needs you now".
 */
export const INBOX_KINDS = ['all', 'mentions', 'assigned', 'due', 'replies', 'added'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

const UPDATE_KINDS: Readonly<Record<InboxKind, readonly NotificationKind[]>> = {
  all: [
    'action_item.assigned',
    'action_item.due',
    'action_item.overdue',
    'comment.reply',
    'space.added',
  ],
  mentions: [],
  assigned: ['action_item.assigned'],
  due: ['action_item.due', 'action_item.overdue'],
  replies: ['comment.reply'],
  added: ['space.added'],
};

/** Whether the mentions list is shown under `kind`. */
export function showsMentions(kind: InboxKind): boolean {
  return kind === 'all' || kind === 'mentions';
}

/** Whether a relay update of `updateKind` is shown under `kind`. */
export function showsUpdate(kind: InboxKind, updateKind: NotificationKind): boolean {
  return UPDATE_KINDS[kind].includes(updateKind);
}

/**
 * The Inbox's chosen kind, for the Updates list it is handed as children
 * (the workspace builds that list, so a prop cannot reach it).
 */
export const InboxKindContext = createContext<InboxKind>('all');
