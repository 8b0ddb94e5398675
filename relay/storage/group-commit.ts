/**
 * Group commit: every update that arrives in one turn of the event loop,
 * from any room, is stored in one transaction, so a busy node pays one
 * commit (one flush to disk on PostgreSQL or SQLite under `synchronous=FULL`;
 * one WAL write of each touched page under SQLite's `NORMAL`, see sqlite.ts)
 * per turn rather than one per update. Each caller's promise resolves once that transaction has
 * committed, so the room still broadcasts only what is stored.
 *
 * Rooms queue their own updates one at a time (docs/serial-queue.ts), so a
 * burst on one socket puts one update in each batch, and another room's
 * update joins the next batch instead of waiting for the burst to end.
 * A failed batch is retried one update at a time, so one bad row refuses
 * only its own sender.
 */
import { passThrough } from './pass-through.ts';
import type { AppendMeta, DocStorage } from './types.ts';

/** One update to append. */
export interface AppendItem {
  readonly room: string;
  readonly update: Uint8Array;
  readonly meta: AppendMeta | undefined;
}

/** A store that can append several updates in one transaction. */
export interface BatchingStorage extends DocStorage {
  /** Appends `items` in one transaction; their sequence numbers in order, all or none stored. */
  appendBatch(items: readonly AppendItem[]): Promise<number[]>;
}

interface Waiting extends AppendItem {
  resolve(seq: number): void;
  reject(err: unknown): void;
}

/**
 * `storage` with appends gathered per event-loop turn into `appendBatch`;
 * every other call goes straight through. `onBatch` hears each batch's size.
 */
export function groupCommit(
  storage: BatchingStorage,
  onBatch: (size: number) => void = () => undefined,
): DocStorage {
  let waiting: Waiting[] = [];
  const settleAlone = (item: Waiting): void => {
    // Through a promise, so that even a store that throws rejects this one item.
    Promise.resolve()
      .then(() => storage.appendUpdate(item.room, item.update, item.meta))
      .then(
        (seq) => {
          item.resolve(seq);
        },
        (err: unknown) => {
          item.reject(err);
        },
      );
  };
  const flush = (): void => {
    const batch = waiting;
    waiting = [];
    onBatch(batch.length);
    const [only] = batch;
    if (batch.length === 1 && only !== undefined) {
      settleAlone(only);
      return;
    }
    storage.appendBatch(batch).then(
      (seqs) => {
        batch.forEach((item, i) => {
          const seq = seqs[i];
          if (seq === undefined) item.reject(new Error('batch returned too few sequence numbers'));
          else item.resolve(seq);
        });
      },
      () => {
        for (const item of batch) settleAlone(item);
      },
    );
  };
  // The newest append not yet settled, per room. Without batching an append
  // was stored before the next message was read; a reader (a version saved
  // over REST, a room loaded on another socket) must still see every update
  // accepted before it asked, so loading a room waits for its queued appends.
  const unsettled = new Map<string, Promise<unknown>>();
  const append = (room: string, update: Uint8Array, meta?: AppendMeta): Promise<number> => {
    const stored = new Promise<number>((resolve, reject) => {
      // setImmediate: after the I/O callbacks of this turn, so every frame read now joins.
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ room, update, meta, resolve, reject });
    });
    // Chained to the room's previous appends, which another batch may still hold.
    const settled = Promise.all([unsettled.get(room), stored.catch(() => undefined)]).then(
      () => undefined,
    );
    unsettled.set(room, settled);
    void settled.then(() => {
      if (unsettled.get(room) === settled) unsettled.delete(room);
    });
    return stored;
  };
  return passThrough(storage, {
    loadDoc: async (room) => {
      await unsettled.get(room);
      return storage.loadDoc(room);
    },
    appendUpdate: append,
  });
}
