import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  createNoteIndex,
  loadNoteIndex,
  type NoteIndex,
  type NoteText,
} from '../../shared/search/index.ts';
import { noteEntry, samePage, type PageInfo } from './page-titles.ts';
import type { SnapshotStore } from './snapshot-store.ts';

/**
 * The search index of one person, as it is persisted: the note index
 * (shared/search), the state vector each room had when it was last indexed
 * (so that a cold start re-reads only rooms that changed since), and the
 * page titles of every space (so a note indexed later gets its page title
 * even when the space's index doc is not open).
 */
export interface OwnerIndex {
  readonly index: NoteIndex;
  /** `<spaceId>/<docId>` → base64 state vector when last indexed. */
  readonly vectors: Map<string, string>;
  /** spaceId → page id → page. */
  readonly pages: Map<string, Map<string, PageInfo>>;
}

/** What a change of pages asks the caller to do for one note. */
export interface PageChange {
  readonly spaceId: string;
  readonly docId: string;
  readonly page: PageInfo;
}

const RECORD_VERSION = 1;
const PageSchema = z.object({ title: z.string(), hidden: z.boolean(), updatedAt: z.number() });
const RecordSchema = z.object({
  version: z.literal(RECORD_VERSION),
  index: z.unknown(),
  vectors: z.record(z.string(), z.string()),
  pages: z.record(z.string(), z.record(z.string(), PageSchema)),
});

export function emptyOwnerIndex(): OwnerIndex {
  return { index: createNoteIndex(), vectors: new Map(), pages: new Map() };
}

/**
 * The persisted index, or an empty one when there is none or it cannot be
 * read (another version, corrupt): the empty one has no state vectors, so
 * every locally stored room is read again and the index is rebuilt.
 */
export async function loadOwnerIndex(store: SnapshotStore): Promise<OwnerIndex> {
  const raw = await store.load();
  if (raw === null) return emptyOwnerIndex();
  try {
    const record = RecordSchema.parse(JSON.parse(raw));
    return {
      index: loadNoteIndex(record.index),
      vectors: new Map(Object.entries(record.vectors)),
      pages: new Map(
        Object.entries(record.pages).map(([space, pages]) => [
          space,
          new Map(Object.entries(pages)),
        ]),
      ),
    };
  } catch {
    return emptyOwnerIndex();
  }
}

export function serializeOwnerIndex(owned: OwnerIndex): string {
  return JSON.stringify({
    version: RECORD_VERSION,
    index: owned.index.toJSON(),
    vectors: Object.fromEntries(owned.vectors),
    pages: Object.fromEntries([...owned.pages].map(([space, p]) => [space, Object.fromEntries(p)])),
  });
}

export function vectorOf(doc: Y.Doc): string {
  return toBase64(Y.encodeStateVector(doc));
}

/**
 * Indexes a note's text under its page title. Archived pages (and pages
 * under an archived one) are removed instead: the trash is not searched, and
 * restoring the page indexes the note again (README.md). Returns true when
 * the index changed.
 */
export function applyNote(
  owned: OwnerIndex,
  room: { spaceId: string; docId: string },
  body: NoteText,
  vector: string,
  now: number,
): boolean {
  const { spaceId, docId } = room;
  owned.vectors.set(`${spaceId}/${docId}`, vector);
  const page = owned.pages.get(spaceId)?.get(docId);
  if (page?.hidden === true) return owned.index.remove(spaceId, docId);
  const entry = noteEntry(body, page);
  if (entry.title === '' && entry.text === '') return owned.index.remove(spaceId, docId);
  try {
    return owned.index.upsert({ spaceId, docId, ...entry, updatedAt: now });
  } catch {
    return false; // ids the index refuses (not ID_PATTERN) cannot be routed to either
  }
}

/**
 * Takes a space's pages (from its index doc) and returns the pages whose
 * title or visibility changed: their notes need indexing again.
 */
export function applyPages(
  owned: OwnerIndex,
  spaceId: string,
  next: Map<string, PageInfo>,
  vector: string,
): PageChange[] {
  const prev = owned.pages.get(spaceId);
  owned.pages.set(spaceId, next);
  owned.vectors.set(`${spaceId}/index`, vector);
  const changes: PageChange[] = [];
  for (const [docId, page] of next) {
    if (!samePage(prev?.get(docId), page)) changes.push({ spaceId, docId, page });
  }
  return changes;
}

/** Forgets a space the person no longer belongs to; returns true when something went. */
export function forgetSpace(owned: OwnerIndex, spaceId: string): boolean {
  const notes = owned.index.removeSpace(spaceId);
  const removed = owned.pages.delete(spaceId) || notes > 0;
  for (const key of [...owned.vectors.keys()]) {
    if (key.startsWith(`${spaceId}/`)) owned.vectors.delete(key);
  }
  return removed;
}

/** Every space the index holds something of. */
export function spacesOf(owned: OwnerIndex): Set<string> {
  const spaces = new Set(owned.pages.keys());
  for (const key of owned.vectors.keys()) spaces.add(key.slice(0, key.indexOf('/')));
  return spaces;
}
