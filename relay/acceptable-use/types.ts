/**
 * The acceptable-use policy's store: published versions and each person's
 * acceptances, in SQLite (`policy.sqlite`) or PostgreSQL behind one
 * interface. Methods may answer synchronously or with a promise, as in
 * storage/types.ts; callers always `await`.
 */
import type { PolicyVersion } from '../../shared/acceptable-use.ts';
import type { MaybePromise } from '../storage/types.ts';

export type { PolicyVersion };

/** One acceptance as recorded: who, which version, when, from where. */
export interface AcceptanceInput {
  readonly userId: string;
  readonly version: number;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly ip: string | null;
  /** The client's user agent. */
  readonly client: string | null;
}

export interface StoredAcceptance {
  readonly userId: string;
  readonly at: number;
}

export interface PolicyStore {
  /** The newest version, or null when none was ever published. */
  current(): MaybePromise<PolicyVersion | null>;
  /** Every version, newest first. */
  versions(): MaybePromise<PolicyVersion[]>;
  /** Publishes `text` as the next version (1 for the first), atomically across nodes. */
  publish(text: string, by: string, at: number): MaybePromise<PolicyVersion>;
  /** Records an acceptance; accepting the same version again keeps the first record. */
  accept(input: AcceptanceInput): MaybePromise<void>;
  /** The newest version `userId` accepted, or null. */
  acceptedVersion(userId: string): MaybePromise<number | null>;
  /** How many people accepted `version`, and the newest `limit` of them. */
  acceptances(
    version: number,
    limit: number,
  ): MaybePromise<{ count: number; list: StoredAcceptance[] }>;
  close(): MaybePromise<void>;
}
