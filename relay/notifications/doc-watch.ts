/**
 * Finds notifications in stored note updates, off the hot path: a storage
 * wrapper (as the webhook watcher's) notes which rooms changed and by whom,
 * and reads a room's document only once its updates have paused for the
 * debounce, comparing it with the reading taken when the room first changed
 * here. So a burst of keystrokes costs one reading, not one per update; the
 * store's unique keys make any overlap (two nodes, a restart) harmless.
 * `flush()` evaluates what is pending at once: the relay calls it before it
 * unloads its rooms on shutdown, so a restart loses nothing it has stored.
 */
import type * as Y from 'yjs';
import { parseRoomName, SPACE_INDEX_DOC_ID } from '../../shared/wire.ts';
import { passThrough } from '../storage/pass-through.ts';
import type { DocStorage } from '../storage/types.ts';
import { dueItems, noteNotifications, readNote, type NoteReading } from './note-events.ts';
import type { NotificationService } from './service.ts';

/** A loaded room's document, or null when the room is not in memory here. */
export type DocLookup = (room: string) => Y.Doc | null;

interface Pending {
  readonly spaceId: string;
  readonly noteId: string;
  actor: string;
  timer: NodeJS.Timeout | null;
}

export class NotificationWatch {
  readonly #service: NotificationService;
  readonly #debounceMs: number;
  #docs: DocLookup = () => null;
  /** Each room's last reading, taken before its first update here. */
  readonly #readings = new Map<string, NoteReading>();
  readonly #dueKeys = new Map<string, string>();
  readonly #pending = new Map<string, Pending>();
  #work: Promise<void> = Promise.resolve();

  constructor(service: NotificationService, debounceMs: number) {
    this.#service = service;
    this.#debounceMs = debounceMs;
  }

  /** Wraps `storage` so each stored note update schedules an evaluation of its room. */
  watch(storage: DocStorage, docs: DocLookup): DocStorage {
    this.#docs = docs;
    return passThrough(storage, {
      appendUpdate: (room, update, meta) => {
        if (meta?.by !== null && meta?.by !== undefined) this.#changed(room, meta.by);
        return storage.appendUpdate(room, update, meta);
      },
    });
  }

  #changed(room: string, actor: string): void {
    const name = parseRoomName(room);
    if (name === null || name.docId === SPACE_INDEX_DOC_ID) return;
    if (!this.#readings.has(room)) {
      // Before this update is applied: the baseline it is compared against.
      const doc = this.#docs(room);
      if (doc === null) return;
      this.#readings.set(room, readNote(doc));
    }
    const pending = this.#pending.get(room) ?? {
      spaceId: name.spaceId,
      noteId: name.docId,
      actor,
      timer: null,
    };
    pending.actor = actor;
    if (pending.timer !== null) clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      this.#evaluate(room);
    }, this.#debounceMs);
    this.#pending.set(room, pending);
  }

  #evaluate(room: string): void {
    const pending = this.#pending.get(room);
    if (pending === undefined) return;
    this.#pending.delete(room);
    if (pending.timer !== null) clearTimeout(pending.timer);
    const before = this.#readings.get(room);
    const doc = this.#docs(room);
    if (before === undefined || doc === null) {
      this.#readings.delete(room);
      return;
    }
    let after: NoteReading;
    try {
      after = readNote(doc);
    } catch {
      // Runs on a timer: a document no reader understands (any member may
      // write anything) must cost its notifications, never the relay process.
      this.#readings.delete(room);
      return;
    }
    remember(this.#readings, room, after);
    const { spaceId, noteId, actor } = pending;
    const drafts = noteNotifications(spaceId, noteId, actor, before, after);
    const due = dueItems(spaceId, noteId, after);
    const dueKey = JSON.stringify(due);
    const dueChanged = this.#dueKeys.get(room) !== dueKey;
    remember(this.#dueKeys, room, dueKey);
    this.#work = this.#work
      .then(async () => {
        if (dueChanged) await this.#service.store.replaceDueItems(spaceId, noteId, due);
        await this.#service.recordAll(drafts);
      })
      .catch(() => undefined);
  }

  /** Evaluates every pending room now and waits for what they record. */
  async flush(): Promise<void> {
    for (const room of [...this.#pending.keys()]) this.#evaluate(room);
    await this.#work;
  }
}

/** Rooms whose last reading is kept; older ones are read afresh on their next update. */
const KEPT_READINGS = 1000;

function remember<V>(map: Map<string, V>, room: string, value: V): void {
  map.delete(room);
  map.set(room, value);
  if (map.size > KEPT_READINGS) {
    const oldest = map.keys().next();
    if (oldest.done !== true) map.delete(oldest.value);
  }
}
