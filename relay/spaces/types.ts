/**
 * Spaces, their members and the people who have signed in, behind a small interface: SQLite now, PostgreSQL later. Methods may answer
 * synchronously (embedded database) or with a promise (network database), as
 * in storage/types.ts; callers always `await`.
 */
import type { AdminSpace } from '../../shared/admin-api.ts';
import type { Member, MySpace, Person, Role, Space } from '../../shared/api.ts';
import type { DirectoryStore } from '../directory/types.ts';
import type { MaybePromise } from '../storage/types.ts';
import type { OpenSpaceStore } from './open-spaces.ts';

/** Outcome of a membership change that must keep at least one owner. */
export type MembershipResult = 'ok' | 'not-member' | 'last-owner';

/** Space settings to change: present fields are set, null clears. */
export interface SpaceSettingsPatch {
  readonly name?: string;
  readonly icon?: string | null;
  readonly description?: string | null;
}

/** A space in its owners' trash. */
export interface TrashedSpace {
  readonly space: Space;
  /** Epoch milliseconds of the deletion. */
  readonly deletedAt: number;
}

export interface SpaceStore {
  /** Creates `space` with `ownerId` as its only owner, atomically. */
  createSpace(space: Space, ownerId: string): MaybePromise<void>;
  /** The space, or null when it does not exist. */
  getSpace(spaceId: string): MaybePromise<Space | null>;
  /** Changes the space's settings; the space as now stored, or null when it does not exist. */
  updateSpace(spaceId: string, patch: SpaceSettingsPatch): MaybePromise<Space | null>;
  /** Every space `userId` belongs to, with their role, by name. */
  spacesOf(userId: string): MaybePromise<MySpace[]>;
  /** `userId`'s role in `spaceId`, or null when they are not a member (or it does not exist). */
  roleOf(spaceId: string, userId: string): MaybePromise<Role | null>;
  /** Members with what is known of them as people, by name. */
  members(spaceId: string): MaybePromise<Member[]>;
  /**
   * Sets `userId`'s role, adding them if needed. Refuses (`last-owner`),
   * changing nothing, when it would leave the space without an owner.
   * The check and the write are one transaction.
   */
  setRole(spaceId: string, userId: string, role: Role): MaybePromise<MembershipResult>;
  /** Removes `userId` from the space; refuses when they are its last owner. One transaction. */
  removeMember(spaceId: string, userId: string): MaybePromise<MembershipResult>;
  /**
   * Moves a live space to the trash at `at` (epoch ms): from then on it is
   * gone for everyone (`getSpace`, `roleOf`, `spacesOf` skip it) but its
   * members and data stay, so `restoreSpace` brings it back whole. False
   * when there is no such live space.
   */
  trashSpace(spaceId: string, at: number): MaybePromise<boolean>;
  /** Brings a trashed space back; false when it is not in the trash. */
  restoreSpace(spaceId: string): MaybePromise<boolean>;
  /** The trashed spaces `userId` owns, most recently deleted first. */
  trashOf(userId: string): MaybePromise<TrashedSpace[]>;
  /** Ids of spaces in the trash since `before` or earlier (epoch ms). */
  trashedBefore(before: number): MaybePromise<string[]>;
  /** Deletes a trashed space and its memberships for good; false when it is not in the trash. */
  purgeSpace(spaceId: string): MaybePromise<boolean>;
  /**
   * Every space, trashed ones too, as metadata for company admins (member
   * count and owners, never content), by name.
   */
  allSpaces(): MaybePromise<AdminSpace[]>;
  /** Records (or refreshes) a person who presented a valid token. */
  upsertPerson(person: Person): MaybePromise<void>;
  /** A known person, or null. */
  getPerson(userId: string): MaybePromise<Person | null>;
  /** People whose id, name or email contains `query` (case-insensitive), by name, at most `limit`. */
  searchPeople(query: string, limit: number): MaybePromise<Person[]>;
  /** People the IdP provisions, on the same `people` records. */
  readonly directory: DirectoryStore;
  /** Private or open spaces, the space directory and joining (open-spaces.ts). */
  readonly openSpaces: OpenSpaceStore;
  close(): MaybePromise<void>;
}
