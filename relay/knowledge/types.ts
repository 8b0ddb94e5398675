/** What the knowledge module stores: who wrote what, note texts, declared profiles. */
import type { ProfileEdit } from '../../shared/knowledge-api.ts';

/** Edits counted since the last flush, for one person in one note. */
export interface EditTally {
  readonly spaceId: string;
  readonly docId: string;
  readonly person: string;
  readonly edits: number;
  readonly firstAt: number;
  readonly lastAt: number;
}

/** One person's share of one note. */
export interface Authorship {
  readonly spaceId: string;
  readonly docId: string;
  readonly person: string;
  readonly edits: number;
  readonly firstAt: number | null;
  readonly lastAt: number | null;
  readonly comments: number;
}

/** A note's indexed text. */
export interface NoteTextRow {
  readonly spaceId: string;
  readonly docId: string;
  readonly title: string;
  readonly text: string;
  readonly updatedAt: number;
}

/** A declared profile as stored. */
export interface StoredProfile extends ProfileEdit {
  readonly person: string;
}

export interface KnowledgeStore {
  /** Adds edit counts (upsert: one row per note per person). */
  addEdits(tallies: readonly EditTally[]): Promise<void>;
  /** Sets the number of comments each person wrote in a note (absent people: 0). */
  setComments(spaceId: string, docId: string, byPerson: ReadonlyMap<string, number>): Promise<void>;
  /** Every person's share of the given notes. */
  authorshipOf(notes: readonly { spaceId: string; docId: string }[]): Promise<Authorship[]>;
  /** One person's notes, most recently edited first. */
  notesOf(person: string, limit: number): Promise<Authorship[]>;
  /** Stores a note's text (replacing the previous one). */
  putText(row: NoteTextRow): Promise<void>;
  /** Note texts changed at or after `since`, for the in-memory index to catch up. */
  textsSince(since: number): Promise<NoteTextRow[]>;
  /** Titles of the given notes (those indexed). */
  titles(notes: readonly { spaceId: string; docId: string }[]): Promise<Map<string, string>>;
  /**
   * Forgets a purged note, or every note of a deleted space (docId null): its
   * authorship rows go, its text is blanked (kept as an empty row dated `at`
   * so every node's in-memory index drops it on its next catch-up).
   */
  forget(spaceId: string, docId: string | null, at: number): Promise<void>;
  profile(person: string): Promise<StoredProfile | null>;
  profiles(people: readonly string[]): Promise<StoredProfile[]>;
  /** Every declared profile with skills or topics (for the skill bonus). */
  declaredProfiles(): Promise<StoredProfile[]>;
  setProfile(profile: StoredProfile, at: number): Promise<void>;
  close(): Promise<void>;
}

/** The key of a note in maps. */
export function noteKey(spaceId: string, docId: string): string {
  return `${spaceId}/${docId}`;
}
