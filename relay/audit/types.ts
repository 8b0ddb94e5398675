/**
 * The audit log's store: append-only, hash-chained entries in SQLite
 * (`audit.sqlite`) or PostgreSQL, behind one interface. Methods may answer
 * synchronously or with a promise, as in storage/types.ts; callers always
 * `await`.
 */
import type {
  AuditDetail,
  AuditEntry,
  AuditKind,
  AuditPage,
  AuditVerification,
} from '../../shared/admin-api.ts';
import type { MaybePromise } from '../storage/types.ts';

export type { AuditDetail, AuditEntry, AuditKind, AuditPage, AuditVerification };

/** What a caller says happened; the store adds the sequence number and the chain. */
export interface AuditInput {
  readonly kind: AuditKind;
  readonly actor: string | null;
  readonly space?: string | null;
  readonly target?: string | null;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
  readonly detail?: AuditDetail;
}

/** Filters of a query; all optional, combined with AND. */
export interface AuditFilter {
  readonly person?: string;
  readonly space?: string;
  readonly kind?: AuditKind;
  /** At or after, epoch ms. */
  readonly from?: number;
  /** Before, epoch ms. */
  readonly to?: number;
  /** Only entries with a smaller `seq` (paging, newest first). */
  readonly before?: number;
  /** Page size. */
  readonly limit: number;
}

export interface AuditStore {
  /** Appends one entry at `at` (epoch ms), chained to the newest, atomically. */
  append(input: AuditInput, at: number): MaybePromise<AuditEntry>;
  /** Entries matching `filter`, newest first. */
  query(filter: AuditFilter): MaybePromise<AuditPage>;
  /** Entries with `seq` above `afterSeq`, oldest first, at most `limit` (verification). */
  after(afterSeq: number, limit: number): MaybePromise<AuditEntry[]>;
  /**
   * Deletes entries older than `before` (epoch ms) and appends one
   * `audit.purged` checkpoint naming the last deleted entry and its hash, so
   * the chain still verifies from the first kept entry. The number deleted.
   */
  purge(before: number, at: number): MaybePromise<number>;
  close(): MaybePromise<void>;
}
