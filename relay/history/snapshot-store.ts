/**
 * Where snapshots of documents are kept: SQLite (`history.sqlite`, one node)
 * or PostgreSQL (shared by every node). Methods may answer synchronously or
 * with a promise, as in storage/types.ts; callers always `await`.
 */
import type { SnapshotReason } from '../../shared/history-api.ts';
import type { MaybePromise } from '../storage/types.ts';

/** A stored snapshot without its state. */
export interface SnapshotRow {
  readonly id: string;
  readonly spaceId: string;
  readonly docId: string;
  readonly createdAt: number;
  readonly createdBy: string | null;
  readonly reason: SnapshotReason;
  /** Bytes of the state. */
  readonly size: number;
}

/** A stored snapshot with its state. */
export interface SnapshotWithState extends SnapshotRow {
  readonly state: Uint8Array;
}

export interface SnapshotStore {
  /** Stores a snapshot. */
  insert(row: Omit<SnapshotRow, 'size'>, state: Uint8Array): MaybePromise<SnapshotRow>;
  /** A note's snapshots, newest first (ties: the later stored first), without their state. */
  list(spaceId: string, docId: string): MaybePromise<SnapshotRow[]>;
  /** One snapshot of the note, or null (also when the id belongs to another note). */
  get(spaceId: string, docId: string, id: string): MaybePromise<SnapshotWithState | null>;
  /** The note's newest snapshot, or null. */
  latest(spaceId: string, docId: string): MaybePromise<SnapshotWithState | null>;
  /** Deletes snapshots by id, in one transaction. */
  delete(ids: readonly string[]): MaybePromise<void>;
  /** The states of every kept snapshot of a space, one at a time (image collection reads them). */
  statesOfSpace(spaceId: string): Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** Deletes every snapshot of a space (its trash time is over). */
  deleteSpace(spaceId: string): MaybePromise<void>;
  close(): MaybePromise<void>;
}
