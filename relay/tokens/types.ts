/**
 * Access tokens as the relay stores them: never the token itself, only the
 * SHA-256 hash of it, so a copy of the database lets nobody in.
 */
import type { TokenScope } from '../../shared/access-tokens-api.ts';
import type { MaybePromise } from '../storage/types.ts';

export interface TokenRow {
  /** Public id, also the part of the token that finds the row. */
  readonly id: string;
  /** `person`: a personal token; `service`: a service account's. */
  readonly kind: 'person' | 'service';
  /** The identity the token acts as: the person's id, or `service:<id>`. */
  readonly ownerId: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  /** Hex SHA-256 of the whole token. */
  readonly hash: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly expiresAt: number | null;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
  /**
   * The owner's name, email and IdP groups when the token was created, kept
   * for the record only: a request acts with the owner's current profile
   * ({@link TokenOwner}).
   */
  readonly ownerName: string | null;
  readonly ownerEmail: string | null;
  readonly ownerGroups: readonly string[];
}

/** A token owner as their most recent sign-in showed them. */
export interface TokenOwner {
  readonly personId: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly groups: readonly string[];
  /** When a sign-in last confirmed this profile (epoch ms). */
  readonly seenAt: number;
}

export interface TokenStore {
  create(row: TokenRow): MaybePromise<void>;
  /** The row with this id, revoked or not, or null. */
  get(id: string): MaybePromise<TokenRow | null>;
  /** Live (not revoked) tokens of one owner, or of every service account (`kind: 'service'`), oldest first. */
  list(
    filter: { readonly ownerId: string } | { readonly kind: 'service' },
  ): MaybePromise<TokenRow[]>;
  /** Marks it revoked; false when it is unknown or already revoked. */
  revoke(id: string, at: number): MaybePromise<boolean>;
  /** Records a use. */
  touch(id: string, at: number): MaybePromise<void>;
  /** The owner's profile as last recorded, or null. */
  owner(personId: string): MaybePromise<TokenOwner | null>;
  /** Creates or replaces an owner's profile. */
  recordOwner(owner: TokenOwner): MaybePromise<void>;
  close(): MaybePromise<void>;
}
