/**
 * The relay's storage contract. Documents are stored as an append-only log of
 * Yjs updates per room, merged from time to time (compaction). SQLite
 * implements it now; PostgreSQL later. Methods may answer synchronously (an
 * embedded database) or with a promise (a network database): the relay keeps
 * the synchronous path free of microtask hops, which matters for fan-out latency.
 */

export type MaybePromise<T> = T | Promise<T>;

/** What is stored for one room. */
export interface StoredDoc {
  /** Every stored update, oldest first. Applying them in order rebuilds the document. */
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the newest update, 0 when nothing is stored. */
  readonly lastSeq: number;
}

export interface DocStorage {
  /** Reads every stored update of `room`. An unknown room yields no updates. */
  loadDoc(room: string): MaybePromise<StoredDoc>;
  /**
   * Appends one update durably and returns its sequence number. When this
   * resolves the update survives a crash of the relay process; only then may
   * it be applied or broadcast (persist before broadcast, handbook §1).
   */
  appendUpdate(room: string, update: Uint8Array): MaybePromise<number>;
  /**
   * Replaces every update of `room` with sequence number `<= throughSeq` by
   * `merged`, atomically: a crash leaves either the old rows or the merged
   * one. Updates appended after `throughSeq` are kept and stay after it.
   */
  compact(room: string, throughSeq: number, merged: Uint8Array): MaybePromise<void>;
  /** Flushes and releases the storage. Further calls fail. */
  close(): MaybePromise<void>;
}
