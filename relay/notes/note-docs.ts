/**
 * Reads and writes notes for the REST API on the relay's own document path.
 * Every call is first judged by the same access stage as a document socket
 * (the space role, the purge guard that keeps a note deleted for good
 * refused, the acceptable-use block), so REST can never reach a room a
 * socket could not, nor write where a socket would be read-only.
 * A read takes the room's live state when it is loaded (what editors see),
 * else what is stored (the truth: updates are stored before they are sent).
 * A write is made on a copy of the live document and committed as a
 * connected editor's update would be: judged by the same rules (authorship,
 * document size cap) under the caller's id, stored (so the edit journal and
 * legal holds see its writer), then sent to everyone with the note open.
 */
import * as Y from 'yjs';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { CloseCode, parseRoomName } from '../../shared/wire.ts';
import { storedState } from '../history/history.ts';
import { HttpError } from '../http/json.ts';
import type { Logger } from '../log.ts';
import { RegistryFullError, type DocRegistry } from '../docs/registry.ts';
import type { RoomPeer } from '../docs/room.ts';
import type { Access, Authorizer, Principal } from '../pipeline/auth.ts';
import type { DocStorage } from '../storage/types.ts';

export interface NoteDocs {
  /** `view` of the document of `room`, or null when it has no content anywhere; 403 when a socket would be refused. */
  read<T>(principal: Principal, room: string, view: (doc: Y.Doc) => T): Promise<T | null>;
  /**
   * Applies `change` to `room` as `principal`, stored and broadcast before it
   * resolves. 403 where a socket could not write, 413 for an update larger
   * than a socket may send, 409 when the relay's rules refuse the update.
   */
  edit(principal: Principal, room: string, change: (doc: Y.Doc) => void): Promise<void>;
}

export interface NoteDocsDeps {
  readonly registry: DocRegistry;
  readonly storage: DocStorage;
  /** The document sockets' access stage, guards included. */
  readonly authorizer: Authorizer;
  /** The largest update one socket frame may carry (`maxMessageBytes`). */
  readonly maxUpdateBytes: number;
  readonly log: Logger;
}

/** What `principal` may do in `room`, as the socket's access stage decides; 403 when refused. */
async function access(deps: NoteDocsDeps, principal: Principal, room: string): Promise<Access> {
  const name = parseRoomName(room);
  if (name === null) throw new HttpError(404, 'not_found', 'no such note');
  const verdict = await deps.authorizer.authorize(principal, name);
  if (!verdict.ok) throw new HttpError(403, 'forbidden', verdict.reason);
  return verdict.value;
}

export function createNoteDocs(deps: NoteDocsDeps): NoteDocs {
  return {
    async read(principal, room, view) {
      await access(deps, principal, room);
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

    async edit(principal, room, change) {
      const allowed = await access(deps, principal, room);
      if (!allowed.canWrite) throw new HttpError(403, 'forbidden', READ_ONLY_REASON);
      if (allowed.blockedReason !== undefined) {
        throw new HttpError(403, 'forbidden', allowed.blockedReason);
      }
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
        const update = Y.mergeUpdates(updates);
        // A socket could not send this in one frame (it would be closed with 1009).
        if (update.byteLength > deps.maxUpdateBytes) {
          throw new HttpError(
            413,
            'too_large',
            `this change would exceed the relay's limit of ${String(deps.maxUpdateBytes)} bytes per update`,
          );
        }
        const refusal: { code: number | null; reason: string | null } = {
          code: null,
          reason: null,
        };
        // The caller as a writer without a socket: it hears only whether its update was taken.
        const peer: RoomPeer = {
          userId: principal.id,
          send: () => undefined,
          fail: (code, reason) => {
            refusal.code = code;
            refusal.reason = reason;
          },
          refuse: (reason) => {
            refusal.reason = reason;
          },
        };
        live.commitUpdate(peer, update, null);
        await live.flush();
        if (refusal.code === CloseCode.UpdateTooCostly) {
          throw new HttpError(413, 'too_large', refusal.reason ?? 'update too costly');
        }
        if (refusal.reason !== null) throw new HttpError(409, 'refused', refusal.reason);
      } finally {
        deps.registry.release(live);
      }
    },
  };
}
