/**
 * Which documents are in memory, so that memory stays bounded however many
 * notes people open. A room is loaded on first use, shared by every connection to
 * it, and unloaded (flushed and compacted; it stays stored) once it has had no
 * connection for `idleUnloadMs`, or earlier when the rooms' estimated memory
 * (room-memory.ts) passes `memoryBudgetBytes` and it is the least recently
 * used idle room. Only when the rooms in use alone leave no space for one
 * more is a new room refused.
 */
import type { RelayLimits } from '../../shared/limits.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { ROOM_OVERHEAD_BYTES, roomMemoryEstimate } from './room-memory.ts';
import { Room, type RoomDeps } from './room.ts';

/** The rooms in use take the whole memory budget: the caller should refuse with 4429. */
export class RegistryFullError extends Error {
  override readonly name = 'RegistryFullError';
}

interface Entry {
  /** Resolves to the loaded room; rejects if loading failed. */
  readonly room: Promise<Room>;
  /** The room once loaded. */
  loaded: Room | null;
  refs: number;
  idleTimer: NodeJS.Timeout | null;
}

export class DocRegistry {
  readonly #deps: RoomDeps;
  readonly #limits: RelayLimits;
  readonly #log: Logger;
  readonly #metrics: Metrics;
  /** In least-recently-used order: a room is moved to the end each time it is acquired. */
  readonly #entries = new Map<string, Entry>();
  /** Rooms being unloaded; a new acquire waits for the unload to finish. */
  readonly #unloading = new Map<string, Promise<void>>();
  #closed = false;

  constructor(deps: RoomDeps) {
    this.#deps = deps;
    this.#limits = deps.limits;
    this.#log = deps.log;
    this.#metrics = deps.metrics;
  }

  /** Rooms in memory (loaded or loading). */
  get size(): number {
    return this.#entries.size;
  }

  /** Estimated memory of every room in memory, in bytes (room-memory.ts). */
  memoryInUse(): number {
    let total = 0;
    for (const entry of this.#entries.values()) total += entryMemory(entry);
    return total;
  }

  /**
   * Why no new room fits, or null when one does: the rooms in use (not
   * idle, so not evictable) leave less than one empty room's share of the
   * budget. For /readyz, so that the load balancer sends sockets elsewhere.
   */
  outOfBudget(): string | null {
    let busy = 0;
    for (const entry of this.#entries.values()) if (entry.refs > 0) busy += entryMemory(entry);
    const budget = this.#limits.memoryBudgetBytes;
    if (busy + ROOM_OVERHEAD_BYTES <= budget) return null;
    return `documents in use take ${String(busy)} B of the ${String(budget)} B memory budget`;
  }

  /** The room `name` if it is loaded, without counting a user (frames from other nodes). */
  loaded(name: string): Room | null {
    return this.#entries.get(name)?.loaded ?? null;
  }

  /**
   * Returns the room `name`, loading it if needed, and counts one user of it.
   * Every successful acquire must be paired with one `release`.
   * @throws RegistryFullError when the room is not in memory and no room can be unloaded for it.
   */
  async acquire(name: string): Promise<Room> {
    if (this.#closed) throw new Error('registry closed');
    const unloading = this.#unloading.get(name);
    if (unloading !== undefined) await unloading;
    let entry = this.#entries.get(name);
    if (entry === undefined) {
      this.#makeRoomFor();
      const room = Room.load(name, this.#deps);
      entry = { room, loaded: null, refs: 0, idleTimer: null };
      const created = entry;
      room.then(
        (loaded) => {
          created.loaded = loaded;
          this.#metrics.roomsLoaded += 1;
          // Its real size is known now: idle rooms may have to make way.
          this.#trim();
        },
        () => {
          // A failed load is forgotten so the next acquire retries it.
          if (this.#entries.get(name) === created) this.#entries.delete(name);
        },
      );
    } else {
      this.#entries.delete(name); // re-inserted below: most recently used
    }
    this.#entries.set(name, entry);
    entry.refs += 1;
    if (entry.idleTimer !== null) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
    try {
      return await entry.room;
    } catch (err) {
      entry.refs -= 1;
      throw err;
    }
  }

  /** Counts one user of `room` gone; the last one starts the idle timer. */
  release(room: Room): void {
    const entry = this.#entries.get(room.name);
    if (entry?.loaded !== room) return;
    entry.refs -= 1;
    if (entry.refs > 0 || this.#closed) return;
    // Over budget (rooms in use grew): idle rooms go now rather than after idleUnloadMs.
    this.#trim();
    if (!this.#entries.has(room.name)) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.refs === 0) this.#unload(room.name, entry);
    }, this.#limits.idleUnloadMs);
    entry.idleTimer.unref();
  }

  /** Flushes every room (all accepted updates stored and applied). */
  async flushAll(): Promise<void> {
    const rooms = [...this.#entries.values()].flatMap((e) => (e.loaded === null ? [] : [e.loaded]));
    await Promise.all(rooms.map((room) => room.flush()));
  }

  /** Flushes, compacts and unloads every room. Peers should be gone first. */
  async closeAll(): Promise<void> {
    this.#closed = true;
    for (const [name, entry] of this.#entries) this.#unload(name, entry);
    await Promise.all(this.#unloading.values());
  }

  /** Unloads least recently used idle rooms until a new, empty room fits the budget. */
  #makeRoomFor(): void {
    if (this.#evictIdleUntil(ROOM_OVERHEAD_BYTES)) return;
    const reason = this.outOfBudget() ?? 'memory budget reached';
    this.#log.warn('room refused: memory budget', { rooms: this.#entries.size });
    throw new RegistryFullError(reason);
  }

  /** Unloads least recently used idle rooms while the rooms in memory are over budget. */
  #trim(): void {
    this.#evictIdleUntil(0);
  }

  /**
   * Unloads idle rooms, least recently used first, until `extra` more bytes
   * fit the budget; says whether they do. The map's order is the LRU order.
   */
  #evictIdleUntil(extra: number): boolean {
    const budget = this.#limits.memoryBudgetBytes;
    let used = this.memoryInUse();
    if (used + extra <= budget) return true;
    for (const [name, entry] of this.#entries) {
      if (entry.refs !== 0 || entry.loaded === null) continue;
      used -= entryMemory(entry);
      this.#unload(name, entry);
      this.#metrics.roomsEvicted += 1;
      if (used + extra <= budget) return true;
    }
    return false;
  }

  #unload(name: string, entry: Entry): void {
    this.#entries.delete(name);
    if (entry.idleTimer !== null) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
    const done = entry.room
      .then((room) => room.close())
      .then(
        () => {
          this.#metrics.roomsUnloaded += 1;
          this.#log.debug('room unloaded', { room: name });
        },
        (err: unknown) => {
          this.#log.error('room unload failed', { room: name, error: errorMessage(err) });
        },
      )
      .finally(() => {
        if (this.#unloading.get(name) === done) this.#unloading.delete(name);
      });
    this.#unloading.set(name, done);
  }
}

/** A loading room counts as an empty one until its size is known. */
function entryMemory(entry: Entry): number {
  return roomMemoryEstimate(entry.loaded?.sizeEstimate ?? 0);
}
