/**
 * Every limit of the relay in one defaults object, so that an operator finds
 * them all in one place (Hocuspocus keeps its `defaultConfiguration` the same way). Flags and environment
 * variables override single fields; nothing else hard-codes a limit.
 */
export interface RelayLimits {
  /** Largest WebSocket frame accepted, in bytes. Larger frames close that socket with 1009. */
  readonly maxMessageBytes: number;
  /**
   * Estimated bytes the documents in memory may take (relay/docs/room-memory.ts
   * says how a room is estimated). Idle rooms, least recently used first, are
   * unloaded to make way; past it with every room in use, new documents are
   * refused with 4429 and /readyz fails. `--memory-budget` sets it.
   */
  readonly memoryBudgetBytes: number;
  /** A document with no connection for this long is unloaded from memory (it stays stored). */
  readonly idleUnloadMs: number;
  /** Open WebSocket connections across the whole relay. */
  readonly maxConnections: number;
  /** Largest awareness update accepted from one client, in bytes. */
  readonly maxAwarenessBytes: number;
  /** Interval of WebSocket pings; a peer that misses one is dropped. */
  readonly pingIntervalMs: number;
  /** Time allowed to flush and close on SIGTERM before exiting anyway. */
  readonly shutdownGraceMs: number;
  /** Stored updates of one document after which they are merged into one (never losing data). */
  readonly compactAfterUpdates: number;
  /** Largest REST request body accepted, in bytes; larger ones get HTTP 413. */
  readonly maxApiBodyBytes: number;
  /** Largest file (pasted image) stored through `POST /api/spaces/{id}/files`, in bytes; larger ones get HTTP 413. */
  readonly maxFileBytes: number;
  /**
   * Bytes of files one space may store in all, or null for no quota. Past it
   * an upload gets HTTP 413 `quota_exceeded`; a file the space already has costs nothing.
   */
  readonly spaceFileQuotaBytes: number | null;
  /** Uploads (raw request bodies) read at once across the relay; more get HTTP 503 with `retry-after`. */
  readonly maxConcurrentUploads: number;
  /** Least time between two scheduled snapshots of a changed document (relay/history). */
  readonly snapshotIntervalMs: number;
  /**
   * Most weekly snapshots kept per document once they are older than a month
   * (relay/history/retention.ts): younger ones follow the thinning schedule,
   * which no burst of saves can disturb.
   */
  readonly maxSnapshotsPerDoc: number;
  /**
   * Largest size of one document (its whole state, Yjs-encoded), in bytes.
   * An update that would grow a document past it is refused and its sender
   * told why; updates that only delete are always accepted.
   */
  readonly maxDocBytes: number;
  /**
   * Updates larger than this (bytes) are decoded and applied first in a
   * worker thread under `updateGuardTimeoutMs` and `updateGuardMemoryMb`, so
   * a crafted update that makes Yjs spin or allocate cannot stall the relay.
   * Smaller ones stay on the fast path (see relay/rules/update-guard.ts).
   */
  readonly updateGuardThresholdBytes: number;
  /** Time a guarded update may take to decode and apply in the worker before its sender is closed (4413). */
  readonly updateGuardTimeoutMs: number;
  /** Heap (MiB) the guard's worker may use for one update and its document before its sender is closed (4413). */
  readonly updateGuardMemoryMb: number;
  /**
   * Open WebSocket connections of one person across the relay; past it
   * their next one is closed with 4429. Enough for many windows, each
   * syncing many notes, and far below `maxConnections`.
   */
  readonly maxConnectionsPerPerson: number;
  /** Uploads one person may stream at once; more get HTTP 429. */
  readonly maxConcurrentUploadsPerPerson: number;
  /** An upload that sends nothing for this long is answered 408 and its slot freed. */
  readonly uploadIdleTimeoutMs: number;
  /** REST requests one person may make per minute (a bucket refilled evenly); more get HTTP 429. */
  readonly restRequestsPerMinute: number;
  /** Spaces one person may create per day (refilled evenly); more get HTTP 429. */
  readonly spacesCreatedPerDay: number;
  /** "Save version now" calls one person may make per hour (refilled evenly); more get HTTP 429. */
  readonly manualSnapshotsPerHour: number;
  /** A deleted space stays in its owners' trash, restorable, this long; then it is purged. */
  readonly trashRetentionMs: number;
  /**
   * An image no note and no kept version refers to is deleted once it has
   * been unreferenced this long (an upload waits for its note to sync).
   */
  readonly fileGraceMs: number;
  /** How often the background job purges expired trash and collects unreferenced images. */
  readonly maintenanceIntervalMs: number;
}

/** Default largest image a note may hold; the client refuses bigger ones before uploading. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Default bytes of files a space may store (1 GiB: about a hundred of the largest images). */
export const SPACE_FILE_QUOTA_BYTES = 1024 * 1024 * 1024;

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  memoryBudgetBytes: 1024 * 1024 * 1024,
  idleUnloadMs: 30_000,
  maxConnections: 10_000,
  maxAwarenessBytes: 64 * 1024,
  pingIntervalMs: 30_000,
  shutdownGraceMs: 10_000,
  compactAfterUpdates: 500,
  maxApiBodyBytes: 16 * 1024,
  maxFileBytes: MAX_FILE_BYTES,
  spaceFileQuotaBytes: SPACE_FILE_QUOTA_BYTES,
  maxConcurrentUploads: 8,
  snapshotIntervalMs: 10 * 60 * 1000,
  maxSnapshotsPerDoc: 200,
  maxDocBytes: 64 * 1024 * 1024,
  updateGuardThresholdBytes: 16 * 1024,
  updateGuardTimeoutMs: 1_000,
  updateGuardMemoryMb: 256,
  maxConnectionsPerPerson: 64,
  maxConcurrentUploadsPerPerson: 2,
  uploadIdleTimeoutMs: 30_000,
  restRequestsPerMinute: 600,
  spacesCreatedPerDay: 20,
  manualSnapshotsPerHour: 60,
  trashRetentionMs: 30 * 24 * 60 * 60 * 1000,
  fileGraceMs: 24 * 60 * 60 * 1000,
  maintenanceIntervalMs: 60 * 60 * 1000,
};
