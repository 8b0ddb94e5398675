/**
 * The relay's storage contract. Documents are stored as an append-only log of
 * Yjs updates per room, merged from time to time (compaction). SQLite
 * (embedded, one node) and PostgreSQL (shared by several nodes) implement it. Methods may answer synchronously (an
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

/**
 * The change marker written with an update: what the
 * stored state of the room will be once the update is in, and who sent it.
 */
export interface AppendMeta {
  /** `Y.encodeStateVector` of the room's stored state including this update. */
  readonly stateVector: Uint8Array;
  /** `sub` of the writer; null when unknown. */
  readonly by: string | null;
  /** Epoch milliseconds of the append. */
  readonly at: number;
}

/** The change marker of one stored document, as `GET /api/spaces/{id}/docs` serves it. */
export interface StoredMarker {
  readonly docId: string;
  readonly stateVector: Uint8Array;
  /** Epoch ms of the last stored update; 0 when unknown (stored before markers existed). */
  readonly updatedAt: number;
  readonly updatedBy: string | null;
}

export interface DocStorage {
  /** Reads every stored update of `room`. An unknown room yields no updates. */
  loadDoc(room: string): MaybePromise<StoredDoc>;
  /**
   * Appends one update durably and returns its sequence number. When this
   * resolves the update survives a crash of the relay process; only then may
   * it be applied or broadcast: a relay killed at any instant then loses
   * nothing it has sent onward.
   * With `meta`, the room's change marker is updated in the same transaction.
   */
  appendUpdate(room: string, update: Uint8Array, meta?: AppendMeta): MaybePromise<number>;
  /**
   * Corrects the state vector of a room's change marker (keeping who and
   * when), for the rare update whose effect `AppendMeta` could not predict
   * (structs waiting for a missing dependency).
   */
  setStateVector(room: string, stateVector: Uint8Array): MaybePromise<void>;
  /** The change markers of every stored document of `spaceId`, without loading any document. */
  listMarkers(spaceId: string): MaybePromise<StoredMarker[]>;
  /**
   * Replaces every update of `room` with sequence number `<= throughSeq` by
   * `merged`, atomically: a crash leaves either the old rows or the merged
   * one. Updates appended after `throughSeq` are kept and stay after it.
   * A store shared by several nodes must also keep what deleted rows held that
   * `merged` lacks (another node's update not yet applied here).
   */
  compact(room: string, throughSeq: number, merged: Uint8Array): MaybePromise<void>;
  /**
   * Deletes every stored document of `spaceId` (its updates and markers), when
   * a deleted space's time in the trash is over. Optional: a storage without
   * it keeps the documents of purged spaces, unreachable (their space is gone).
   */
  deleteSpace?(spaceId: string): MaybePromise<void>;
  /**
   * Purges one room for retention (relay/legal), atomically. `state`: every
   * row is replaced by one holding the document's state with all deleted
   * content collected (erase.ts says what is then gone and what stays).
   * `nothing`: the room's rows and marker are deleted. Optional: without it
   * nothing is purged from the documents store.
   */
  purgeRoom?(room: string, keep: 'state' | 'nothing'): MaybePromise<void>;
  /** Resolves when the store answers, rejects when it does not (readiness probes). */
  ping?(): MaybePromise<void>;
  /** Flushes and releases the storage (and any thread it started). Further calls fail. */
  close(): MaybePromise<void>;
}
