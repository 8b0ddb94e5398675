/**
 * The company directory: people the identity provider provisions (SCIM, or
 * an import of its export) before they ever sign in. They live in the same
 * `people` table as people learnt from tokens, so people search, members and
 * invitations see one person; a never-signed-in person has a placeholder id
 * until their first sign-in moves the record (and its memberships) onto
 * their token's `sub`.
 */
import type { ActivityStore } from '../adoption/sql-activity.ts';
import type { MaybePromise } from '../storage/types.ts';
import type { GroupStore } from './sql-groups.ts';

/** What the IdP says about a person. */
export interface DirectoryEntry {
  /** The id the IdP addresses the person by (SCIM `id`), chosen by the relay on create. */
  readonly scimId: string;
  /** Their sign-in address (SCIM `userName`), matched on first sign-in. */
  readonly userName: string;
  readonly name?: string | undefined;
  readonly externalId?: string | undefined;
  readonly title?: string | undefined;
  readonly department?: string | undefined;
  /** The manager's id or address, as the IdP sends it. */
  readonly manager?: string | undefined;
  /** Where they work (a city or office), as the IdP or import says. */
  readonly location?: string | undefined;
  /** False once deactivated: tokens refused, sockets closed, authorship kept. */
  readonly active: boolean;
}

/** A provisioned person as stored. */
export interface DirectoryPerson extends DirectoryEntry {
  /** Their person id: the token's `sub` once they signed in, a placeholder before. */
  readonly id: string;
  readonly email?: string | undefined;
  /** Whether they have ever signed in. */
  readonly signedIn: boolean;
}

/** The directory's fields of one person, for a profile. */
export interface DirectoryFields {
  readonly title: string | null;
  readonly department: string | null;
  readonly manager: string | null;
  readonly location: string | null;
  readonly active: boolean;
}

export interface DirectoryPage {
  /** How many match, for SCIM `totalResults`. */
  readonly total: number;
  readonly people: readonly DirectoryPerson[];
}

export interface DirectoryStore {
  /**
   * Creates or replaces the entry with `entry.scimId`. A new entry whose
   * address is that of someone who already signed in joins their record.
   * `conflict` when another entry holds the address.
   */
  provision(entry: DirectoryEntry): MaybePromise<DirectoryPerson | 'conflict'>;
  /** The entry with this SCIM id, or null. */
  provisioned(scimId: string): MaybePromise<DirectoryPerson | null>;
  /** Entries by address, optionally only `userName` (case-insensitive), from `offset`. */
  listProvisioned(
    userName: string | null,
    offset: number,
    limit: number,
  ): MaybePromise<DirectoryPage>;
  /**
   * What the directory says about the person with this id (provisioned or
   * not): title, department, manager, location, active; null when nobody has this id.
   */
  directoryFields(userId: string): MaybePromise<DirectoryFields | null>;
  /** Whether the person with this id was deactivated by the IdP. */
  isDeactivated(userId: string): MaybePromise<boolean>;
  /**
   * On sign-in: a never-signed-in entry with this address becomes `userId`'s
   * record, memberships included, so invitations made before apply.
   */
  claim(userId: string, address: string): MaybePromise<void>;
  /** SCIM groups and their members. */
  readonly groups: GroupStore;
  /** Adoption activity (per person per ISO week), joined with departments. */
  readonly activity: ActivityStore;
  /** Marks or unmarks a known person as a champion; false when there is no such person. */
  setChampion(userId: string, champion: boolean): Promise<boolean>;
  /** Whether the person is marked a champion. */
  isChampion(userId: string): Promise<boolean>;
}
