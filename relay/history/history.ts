/**
 * Version history of notes and of each space's index (the page tree and
 * templates): snapshots of each document's stored state, taken on a schedule
 * (scheduler.ts) and on demand ("Save version now"), thinned by
 * retention.ts, kept in a `SnapshotStore` (`history.sqlite`, or PostgreSQL).
 *
 * A snapshot is `Y.encodeStateAsUpdate` of what storage holds for the room:
 * exactly what the relay has accepted (persist before broadcast), never an
 * update still in flight.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { SnapshotReason } from '../../shared/history-api.ts';
import { formatRoomName, type RoomName } from '../../shared/wire.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { DocStorage, MaybePromise } from '../storage/types.ts';
import { snapshotsToPrune } from './retention.ts';
import { SnapshotScheduler } from './scheduler.ts';
import type { SnapshotRow, SnapshotStore, SnapshotWithState } from './snapshot-store.ts';
import { SqliteSnapshotStore } from './sqlite-snapshots.ts';
import { watchStorage } from './watch-storage.ts';

export interface NoteHistoryOptions {
  /** Directory of `history.sqlite`, used when no `store` is given. */
  readonly dataDir: string;
  /** Where snapshots are kept; `history.sqlite` in `dataDir` by default. Closed with the history. */
  readonly store?: SnapshotStore;
  /** Where the notes' stored state is read from. */
  readonly storage: DocStorage;
  /** Least time between two scheduled snapshots of a note. */
  readonly intervalMs: number;
  /** Most weekly snapshots (older than a month) kept per document. */
  readonly maxPerDoc: number;
  /** Epoch milliseconds; `Date.now` by default (tests inject a clock). */
  readonly now?: () => number;
  readonly log: Logger;
}

/** Outcome of "Save version now". */
export interface SaveResult {
  /** False when the note had not changed since its newest snapshot, which is returned. */
  readonly created: boolean;
  readonly snapshot: SnapshotRow;
}

/** What the REST routes use. */
export interface NoteHistoryApi {
  /** The note's snapshots, newest first. */
  list(room: RoomName): MaybePromise<SnapshotRow[]>;
  /** One snapshot with its state, or null when the note has no such snapshot. */
  get(room: RoomName, id: string): MaybePromise<SnapshotWithState | null>;
  /** Takes a snapshot now; null when nothing is stored for the note. */
  save(room: RoomName, reason: SnapshotReason, by: string | null): Promise<SaveResult | null>;
}

export interface NoteHistory extends NoteHistoryApi {
  /** The states of every kept snapshot of a space (image collection). */
  spaceStates(spaceId: string): Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** Deletes every snapshot of a space. */
  purgeSpace(spaceId: string): MaybePromise<void>;
  /** Deletes the note's snapshots taken before `before` (every one without it); how many. */
  purgeSnapshots(room: RoomName, before?: number): Promise<number>;
  /** `storage` with every stored update reported to the scheduler. */
  watch(storage: DocStorage): DocStorage;
  /** Stops the schedule, waits for snapshots in progress, closes the database. */
  close(): Promise<void>;
}

/** Rebuilds the stored state of `room` and encodes it; null when nothing is stored. */
export async function storedState(
  storage: DocStorage,
  room: string,
  log: Logger,
): Promise<Uint8Array | null> {
  const stored = await storage.loadDoc(room);
  if (stored.updates.length === 0) return null;
  const doc = new Y.Doc();
  try {
    for (const update of stored.updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch (err) {
        // The room keeps such a row and logs it too (docs/room.ts); the snapshot holds the rest.
        log.warn('snapshot skips an update that does not apply', {
          room,
          error: errorMessage(err),
        });
      }
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  // Buffer.compare works on any Uint8Array, natively (no per-byte callback).
  return Buffer.compare(a, b) === 0;
}

/**
 * Opens the snapshot database and starts the schedule.
 * @throws when `history.sqlite` cannot be opened or is newer than this relay.
 */
export function openNoteHistory(options: NoteHistoryOptions): NoteHistory {
  const { storage, log } = options;
  const now = options.now ?? Date.now;
  const store = options.store ?? new SqliteSnapshotStore({ dataDir: options.dataDir });
  const policy = { maxWeekly: options.maxPerDoc };
  let closed = false;

  const save = async (
    room: RoomName,
    reason: SnapshotReason,
    by: string | null,
  ): Promise<SaveResult | null> => {
    const state = await storedState(storage, formatRoomName(room), log);
    if (state === null || closed) return null;
    const latest = await store.latest(room.spaceId, room.docId);
    if (latest !== null && sameBytes(latest.state, state)) {
      const { id, spaceId, docId, createdAt, createdBy, size } = latest;
      return {
        created: false,
        snapshot: { id, spaceId, docId, createdAt, createdBy, reason: latest.reason, size },
      };
    }
    const snapshot = await store.insert(
      {
        id: randomBytes(16).toString('base64url'),
        spaceId: room.spaceId,
        docId: room.docId,
        createdAt: now(),
        createdBy: by,
        reason,
      },
      state,
    );
    const kept = await store.list(room.spaceId, room.docId);
    await store.delete(snapshotsToPrune(kept, now(), policy));
    log.debug('snapshot stored', { room: formatRoomName(room), reason, bytes: state.byteLength });
    return { created: true, snapshot };
  };

  const scheduler = new SnapshotScheduler({
    intervalMs: options.intervalMs,
    now,
    take: async (room) => {
      await save(room, 'scheduled', null);
    },
    onError: (room, err) => {
      log.error('scheduled snapshot failed', { room, error: errorMessage(err) });
    },
  });

  return {
    watch: (inner) =>
      watchStorage(
        inner,
        (room) => {
          scheduler.noteStored(room);
        },
        (err) => {
          log.error('history scheduler failed', { error: errorMessage(err) });
        },
      ),
    list: (room) => store.list(room.spaceId, room.docId),
    get: (room, id) => store.get(room.spaceId, room.docId, id),
    save,
    spaceStates: (spaceId) => store.statesOfSpace(spaceId),
    purgeSpace: (spaceId) => store.deleteSpace(spaceId),
    purgeSnapshots: async (room, before = Number.POSITIVE_INFINITY) => {
      const old = (await store.list(room.spaceId, room.docId)).filter((s) => s.createdAt < before);
      await store.delete(old.map((s) => s.id));
      return old.length;
    },
    close: async () => {
      await scheduler.close();
      closed = true;
      await store.close();
    },
  };
}
