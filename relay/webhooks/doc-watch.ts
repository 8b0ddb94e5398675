/**
 * Detects document events where an update is stored: a storage wrapper (as
 * version history's), so only the node that persisted an update sees it,
 * with its sender. Before the append it reads the room's document as it
 * stands (other nodes' updates included); once the room has applied the
 * update it reads it again and turns the difference into events. Nothing
 * is read for a space where no webhook listens to a document event.
 * A note's every change also feeds `note.updated`, debounced in the outbox.
 */
import { setImmediate } from 'node:timers';
import type * as Y from 'yjs';
import type { WebhookEventKind } from '../../shared/webhooks-api.ts';
import { parseRoomName, SPACE_INDEX_DOC_ID, formatRoomName } from '../../shared/wire.ts';
import { passThrough } from '../storage/pass-through.ts';
import type { AppendMeta, DocStorage } from '../storage/types.ts';
import {
  indexEvents,
  noteEvents,
  summariseIndex,
  summariseNote,
  type NoteSummary,
} from './doc-summary.ts';
import type { EventInput, WebhookEmitter } from './emitter.ts';

/** A loaded room's document, or null when the room is not in memory here. */
export type DocLookup = (room: string) => Y.Doc | null;

const NOTE_DOC_KINDS: readonly WebhookEventKind[] = [
  'comment.created',
  'action_item.assigned',
  'action_item.completed',
];

export function watchForWebhooks(
  storage: DocStorage,
  emitter: WebhookEmitter,
  docs: DocLookup,
): DocStorage {
  const detect = (room: string, meta: AppendMeta | undefined): (() => void) | null => {
    const name = parseRoomName(room);
    if (name === null || meta?.by === null || meta?.by === undefined) return null;
    const actor = meta.by;
    const interest = emitter.interest(name.spaceId);
    if (interest.size === 0) return null;
    const { spaceId, docId } = name;
    if (docId === SPACE_INDEX_DOC_ID) {
      if (!interest.has('note.created')) return null;
      const before = docs(room);
      if (before === null) return null;
      const pages = summariseIndex(before);
      return () => {
        const after = docs(room);
        if (after !== null)
          fireAll(emitter, indexEvents(spaceId, actor, pages, summariseIndex(after)));
      };
    }
    const comments = interest.has('comment.created');
    const items = interest.has('action_item.assigned') || interest.has('action_item.completed');
    const updated = interest.has('note.updated');
    if (!comments && !items && !updated) return null;
    const doc = docs(room);
    const before: NoteSummary | null =
      doc !== null && (comments || items) ? summariseNote(doc, comments, items) : null;
    return () => {
      if (updated) {
        const index = docs(formatRoomName({ spaceId, docId: SPACE_INDEX_DOC_ID }));
        const title = index === null ? null : (summariseIndex(index).get(docId)?.title ?? null);
        emitter.fire({
          kind: 'note.updated',
          spaceId,
          actor,
          data: { noteId: docId, title },
          debounceKey: `note.updated:${spaceId}/${docId}`,
        });
      }
      const after = docs(room);
      if (before === null || after === null) return;
      const events = noteEvents(
        spaceId,
        docId,
        actor,
        before,
        summariseNote(after, comments, items),
      );
      fireAll(
        emitter,
        events.filter((e) => NOTE_DOC_KINDS.includes(e.kind) && interest.has(e.kind)),
      );
    };
  };

  // A room's detection waiting to read its "after": read at the latest
  // when the room's next update arrives, since rooms store one update at a
  // time and have applied the previous one by then.
  const pending = new Map<string, () => void>();
  const settle = (room: string): void => {
    const evaluate = pending.get(room);
    if (evaluate === undefined) return;
    pending.delete(room);
    evaluate();
  };

  return passThrough(storage, {
    appendUpdate: (room, update, meta) => {
      settle(room);
      const after = detect(room, meta);
      const seq = storage.appendUpdate(room, update, meta);
      if (after === null) return seq;
      pending.set(room, after);
      // The room applies the update once the append resolves; setImmediate
      // runs after that (and after its microtasks), so `after` sees it.
      const later = (): void => {
        setImmediate(() => {
          if (pending.get(room) === after) settle(room);
        });
      };
      if (typeof seq === 'number') later();
      else
        void seq.then(later, () => {
          if (pending.get(room) === after) pending.delete(room);
        });
      return seq;
    },
  });
}

function fireAll(emitter: WebhookEmitter, events: readonly EventInput[]): void {
  for (const event of events) emitter.fire(event);
}
