/**
 * What a note's change means for people: read a note's action items and
 * comment threads with the shared schema helpers (shared/meeting,
 * shared/comments: malformed entries are skipped as everywhere else), and
 * turn the difference between two readings into notifications.
 */
import type * as Y from 'yjs';
import { listThreads } from '../../shared/comments/index.ts';
import { readActionItems } from '../../shared/meeting/index.ts';
import type { DueItem, NewNotification } from './types.ts';

export interface NoteReading {
  /** Action items with an id: assignee, due date, ticked. */
  readonly items: ReadonlyMap<
    string,
    { readonly assignee: string | null; readonly due: string | null; readonly checked: boolean }
  >;
  /** Threads: their messages' ids and authors, in order. */
  readonly threads: ReadonlyMap<
    string,
    readonly { readonly id: string; readonly author: string }[]
  >;
}

export function readNote(doc: Y.Doc): NoteReading {
  const items = new Map<
    string,
    { assignee: string | null; due: string | null; checked: boolean }
  >();
  for (const item of readActionItems(doc)) {
    if (item.id !== null) {
      items.set(item.id, { assignee: item.assignee, due: item.due, checked: item.checked });
    }
  }
  const threads = new Map<string, { id: string; author: string }[]>();
  for (const thread of listThreads(doc).threads) {
    threads.set(
      thread.id,
      thread.messages.map((m) => ({ id: m.id, author: m.author })),
    );
  }
  return { items, threads };
}

/** Open, assigned, dated action items: what the due scan watches. */
export function dueItems(spaceId: string, noteId: string, reading: NoteReading): DueItem[] {
  const out: DueItem[] = [];
  for (const [itemId, item] of reading.items) {
    if (!item.checked && item.assignee !== null && item.due !== null) {
      out.push({ spaceId, noteId, itemId, assignee: item.assignee, due: item.due });
    }
  }
  return out;
}

type Draft = Omit<NewNotification, 'createdAt'>;

/**
 * Notifications of the change from `before` to `after` made by `actor`:
 * an item's new assignee (not the actor themself), and for each new message
 * of a thread, everyone who wrote in that thread before it (not its author).
 */
export function noteNotifications(
  spaceId: string,
  noteId: string,
  actor: string,
  before: NoteReading,
  after: NoteReading,
): Draft[] {
  const out: Draft[] = [];
  for (const [itemId, item] of after.items) {
    const was = before.items.get(itemId)?.assignee ?? null;
    if (item.assignee === null || item.assignee === was || item.assignee === actor) continue;
    out.push({
      recipient: item.assignee,
      kind: 'action_item.assigned',
      // Unique per recipient: reassigning to someone else is a new event for them.
      eventKey: `action_item.assigned:${spaceId}/${noteId}/${itemId}`,
      spaceId,
      noteId,
      targetId: itemId,
      actor,
    });
  }
  for (const [threadId, messages] of after.threads) {
    const known = new Set((before.threads.get(threadId) ?? []).map((m) => m.id));
    messages.forEach((message, index) => {
      if (known.has(message.id) || index === 0) return;
      const participants = new Set(messages.slice(0, index).map((m) => m.author));
      participants.delete(message.author);
      for (const recipient of participants) {
        out.push({
          recipient,
          kind: 'comment.reply',
          eventKey: `comment.reply:${spaceId}/${noteId}/${threadId}/${message.id}`,
          spaceId,
          noteId,
          targetId: threadId,
          actor: message.author,
        });
      }
    });
  }
  return out;
}
