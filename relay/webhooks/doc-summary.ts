/**
 * What the webhook watcher compares before and after an update: a note's
 * comment messages and action items, a space index's pages. Read with the
 * same schema helpers the relay's authorship rules and the app use
 * (shared/comments, shared/meeting, shared/space-index), so malformed
 * entries are skipped exactly as they are everywhere else.
 */
import type * as Y from 'yjs';
import { listThreads } from '../../shared/comments/index.ts';
import { readActionItems } from '../../shared/meeting/index.ts';
import { readAllPages } from '../../shared/space-index/index.ts';
import type { EventInput } from './emitter.ts';

export interface NoteSummary {
  /** `threadId/messageId` of every comment message. */
  readonly comments: ReadonlySet<string>;
  /** Action items by id. */
  readonly items: ReadonlyMap<
    string,
    { readonly assignee: string | null; readonly checked: boolean }
  >;
}

export function summariseNote(doc: Y.Doc, comments: boolean, items: boolean): NoteSummary {
  const messageIds = new Set<string>();
  if (comments) {
    for (const thread of listThreads(doc).threads) {
      for (const message of thread.messages) messageIds.add(`${thread.id}/${message.id}`);
    }
  }
  const itemMap = new Map<string, { assignee: string | null; checked: boolean }>();
  if (items) {
    for (const item of readActionItems(doc)) {
      if (item.id !== null)
        itemMap.set(item.id, { assignee: item.assignee, checked: item.checked });
    }
  }
  return { comments: messageIds, items: itemMap };
}

/** Page ids and titles of a space index. */
export function summariseIndex(doc: Y.Doc): ReadonlyMap<string, { title: string; kind: string }> {
  return new Map(
    readAllPages(doc).map((page) => [page.id, { title: page.title, kind: page.kind }]),
  );
}

/** Events of a note's update: new comment messages, assignments, completions. */
export function noteEvents(
  spaceId: string,
  noteId: string,
  actor: string,
  before: NoteSummary,
  after: NoteSummary,
): EventInput[] {
  const events: EventInput[] = [];
  for (const key of after.comments) {
    if (before.comments.has(key)) continue;
    const [threadId = '', commentId = ''] = key.split('/');
    events.push({
      kind: 'comment.created',
      spaceId,
      actor,
      data: { noteId, threadId, commentId },
      uniqueKey: `comment.created\u0000${spaceId}\u0000${noteId}\u0000${key}`,
    });
  }
  for (const [id, item] of after.items) {
    const was = before.items.get(id);
    if (item.assignee !== null && item.assignee !== (was?.assignee ?? null)) {
      events.push({
        kind: 'action_item.assigned',
        spaceId,
        actor,
        data: { noteId, actionItemId: id, assignee: item.assignee },
      });
    }
    if (item.checked && was?.checked !== true) {
      events.push({
        kind: 'action_item.completed',
        spaceId,
        actor,
        data: { noteId, actionItemId: id, assignee: item.assignee },
      });
    }
  }
  return events;
}

/** Events of a space index's update: notes created. */
export function indexEvents(
  spaceId: string,
  actor: string,
  before: ReadonlyMap<string, { title: string; kind: string }>,
  after: ReadonlyMap<string, { title: string; kind: string }>,
): EventInput[] {
  const events: EventInput[] = [];
  for (const [noteId, page] of after) {
    if (before.has(noteId)) continue;
    events.push({
      kind: 'note.created',
      spaceId,
      actor,
      data: { noteId, title: page.title, pageKind: page.kind },
      uniqueKey: `note.created\u0000${spaceId}\u0000${noteId}`,
    });
  }
  return events;
}
