/**
 * When the relay takes scheduled snapshots: a document (a note, or a space's
 * index) that
 * has changed gets a snapshot once `intervalMs` has passed since its first
 * change not yet in a snapshot. The check runs on the update path (after the
 * update is stored, so it never delays persist-before-broadcast; it costs a
 * map lookup and a clock read) and on one timer per changed note, so a burst
 * of edits that then stops still gets its snapshot. The snapshot itself runs
 * off the update path, after the current update has been broadcast.
 *
 * What is lost on a restart is only the reminder, never an edit: changes from
 * the last interval before a restart go into the snapshot that the note's
 * next change schedules.
 */
import { parseRoomName, type RoomName } from '../../shared/wire.ts';

export interface SchedulerOptions {
  readonly intervalMs: number;
  /** Epoch milliseconds; injected in tests. */
  readonly now: () => number;
  /** Takes and stores a scheduled snapshot of `room`. */
  readonly take: (room: RoomName) => Promise<void>;
  /** A snapshot failed; it is tried again an interval later. */
  readonly onError: (room: string, err: unknown) => void;
}

interface Dirty {
  /** When the first change not yet in a snapshot was stored. */
  readonly since: number;
  timer: NodeJS.Timeout | null;
}

export class SnapshotScheduler {
  readonly #options: SchedulerOptions;
  readonly #dirty = new Map<string, Dirty>();
  readonly #running = new Set<Promise<void>>();
  #closed = false;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  /** Notes that an update of `room` has been stored; takes a snapshot when one is due. */
  noteStored(room: string): void {
    if (this.#closed) return;
    let dirty = this.#dirty.get(room);
    if (dirty === undefined) {
      const parsed = parseRoomName(room);
      if (parsed === null) return;
      dirty = { since: this.#options.now(), timer: null };
      this.#dirty.set(room, dirty);
    }
    this.#check(room, dirty);
  }

  /** Notes changed and not yet in a snapshot (tests, metrics). */
  get pending(): number {
    return this.#dirty.size;
  }

  /** Cancels every timer and waits for snapshots being taken. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const dirty of this.#dirty.values()) {
      if (dirty.timer !== null) clearTimeout(dirty.timer);
    }
    this.#dirty.clear();
    await Promise.allSettled([...this.#running]);
  }

  #check(room: string, dirty: Dirty): void {
    const wait = dirty.since + this.#options.intervalMs - this.#options.now();
    if (wait > 0) {
      if (dirty.timer === null) {
        dirty.timer = setTimeout(() => {
          dirty.timer = null;
          if (this.#dirty.get(room) === dirty) this.#check(room, dirty);
        }, wait);
        dirty.timer.unref();
      }
      return;
    }
    if (dirty.timer !== null) clearTimeout(dirty.timer);
    // Clean from here on: a change stored after this point is not in the
    // snapshot and makes the note dirty again.
    this.#dirty.delete(room);
    const parsed = parseRoomName(room);
    if (parsed === null) return;
    // Off the update path: the caller goes on to broadcast first.
    const running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#options.take(parsed))
      .catch((err: unknown) => {
        this.#options.onError(room, err);
        if (this.#closed || this.#dirty.has(room)) return;
        const retry: Dirty = { since: this.#options.now(), timer: null };
        this.#dirty.set(room, retry);
        this.#check(room, retry);
      })
      .finally(() => this.#running.delete(running));
    this.#running.add(running);
  }
}
