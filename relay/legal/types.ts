/**
 * The legal store: retention settings, legal holds, the edit journal (who
 * changed which note when, and what) and the tombstones of purged notes.
 * SQLite (`legal.sqlite`) or PostgreSQL behind one interface (sql-store.ts).
 */
import type { LegalHold, RetentionPolicy, SpaceRetention } from '../../shared/legal-api.ts';

export type { LegalHold, RetentionPolicy, SpaceRetention };

/** Text (or other content, as `[n items]`) one update inserted, by its Yjs id. */
export interface InsertedRun {
  readonly client: number;
  readonly clock: number;
  /** Characters (or items, for embeds and elements) inserted. */
  readonly length: number;
  /** The inserted text; empty for content that is not text. */
  readonly text: string;
}

/** A range of Yjs ids one update deleted. */
export interface DeletedRange {
  readonly client: number;
  readonly clock: number;
  readonly length: number;
}

/** One stored update of a note as the journal keeps it: who, when, what. */
export interface EditRecord {
  readonly spaceId: string;
  readonly docId: string;
  /** Epoch ms the relay stored the update. */
  readonly at: number;
  /** `sub` of the sender; null when unknown. */
  readonly by: string | null;
  readonly inserts: readonly InsertedRun[];
  readonly deletes: readonly DeletedRange[];
}

/** A note of a space. */
export interface NoteRef {
  readonly spaceId: string;
  readonly docId: string;
}

export interface LegalStore {
  companyPolicy(): Promise<RetentionPolicy>;
  setCompanyPolicy(policy: RetentionPolicy): Promise<void>;
  spacePolicies(): Promise<SpaceRetention[]>;
  /** Sets a space's override; both fields null removes it. */
  setSpacePolicy(spaceId: string, policy: RetentionPolicy): Promise<void>;
  insertHold(hold: LegalHold): Promise<void>;
  /** Every hold, newest first. */
  holds(): Promise<LegalHold[]>;
  /** Marks a hold released (once); null for an unknown id. */
  releaseHold(id: string, by: string, at: number): Promise<LegalHold | null>;
  appendEdits(records: readonly EditRecord[]): Promise<void>;
  /** The journal of one note, oldest first. */
  edits(spaceId: string, docId: string): Promise<EditRecord[]>;
  /** Every note `personId` has a journal entry in. */
  notesEditedBy(personId: string): Promise<NoteRef[]>;
  /** Everyone with a journal entry in the note. */
  editorsOf(spaceId: string, docId: string): Promise<string[]>;
  /** Deletes a note's journal entries older than `before`; how many. */
  purgeEdits(spaceId: string, docId: string, before: number): Promise<number>;
  /** Forgets a note for good: its journal goes, and a tombstone keeps it from coming back. */
  markPurged(spaceId: string, docId: string, at: number): Promise<void>;
  isPurged(spaceId: string, docId: string): Promise<boolean>;
  close(): Promise<void>;
}
