/**
 * Reads and writes notes for the REST API on the relay's own document path.
 * A read takes the room's live state when it is loaded (what editors see),
 * else what is stored (the truth: updates are stored before they are sent).
 * A write is made on a copy of the live document and committed as a
 * connected editor's update would be: judged by the same rules (authorship,
 * caps) under the caller's id, stored, then sent to everyone with the note
 * open, so they see it live.
 */
import * as Y from 'yjs';
import { storedState } from '../history/history.ts';
import { HttpError } from '../http/json.ts';
import type { Logger } from '../log.ts';
import { RegistryFullError, type DocRegistry } from '../docs/registry.ts';
import type { RoomPeer } from '../docs/room.ts';
import type { DocStorage } from '../storage/types.ts';

export interface NoteDocs {
  /** `view` of the document of `room`, or null when it has no content anywhere. */
  read<T>(room: string, view: (doc: Y.Doc) => T): Promise<T | null>;
  /**
   * Applies `change` to `room` as `userId`, stored and broadcast before it
   * resolves. 409 when the relay's rules refuse the update.
   */
  edit(room: string, userId: string, change: (doc: Y.Doc) => void): Promise<void>;
}

export function createNoteDocs(deps: {
  readonly registry: DocRegistry;
  readonly storage: DocStorage;
  readonly log: Logger;
}): NoteDocs {
  return {
    async read(room, view) {
      const live = deps.registry.loaded(room);
      if (live !== null) return view(live.doc);
      const state = await storedState(deps.storage, room, deps.log);
      if (state === null) return null;
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, state);
        return view(doc);
      } finally {
        doc.destroy();
      }
    },

    async edit(room, userId, change) {
      let live;
      try {
        live = await deps.registry.acquire(room);
      } catch (err) {
        if (err instanceof RegistryFullError) {
          throw new HttpError(503, 'busy', 'the relay has no memory for this note now; retry');
        }
        throw err;
      }
      try {
        const scratch = new Y.Doc();
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live.doc));
        const updates: Uint8Array[] = [];
        scratch.on('update', (update: Uint8Array) => updates.push(update));
        scratch.transact(() => {
          change(scratch);
        });
        scratch.destroy();
        if (updates.length === 0) return;
        const refusal: { reason: string | null } = { reason: null };
        // The caller as a writer without a socket: it hears only whether its update was taken.
        const peer: RoomPeer = {
          userId,
          send: () => undefined,
          fail: (_code, reason) => {
            refusal.reason = reason;
          },
          refuse: (reason) => {
            refusal.reason = reason;
          },
        };
        live.commitUpdate(peer, Y.mergeUpdates(updates), null);
        await live.flush();
        if (refusal.reason !== null) throw new HttpError(409, 'refused', refusal.reason);
      } finally {
        deps.registry.release(live);
      }
    },
  };
}
