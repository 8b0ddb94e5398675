// The local, offline search index of notes: every note of
// every space the person belongs to, searchable by title and content as they
// type. MiniSearch does the full-text part (an in-memory radix-tree inverted
// index with BM25+ ranking, prefix and fuzzy search); this module adds the
// note model, space filtering, snippets and a validated persistence format.
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { z } from 'zod';
import { ID_PATTERN } from '../wire.ts';
import { NoteIndexError } from './errors.ts';
import { makeSnippet, matchRanges, type MatchRange, type Snippet } from './snippet.ts';
import { foldTerm, tokenize } from './terms.ts';

/** A note as the index receives it. */
export interface NoteInput {
  spaceId: string;
  docId: string;
  title: string;
  /** Plain text of the body (see `textFromNoteDoc`). */
  text: string;
  /** Last change, milliseconds since the epoch; breaks ties between equal scores. */
  updatedAt: number;
}

/** One search result. */
export interface NoteHit {
  spaceId: string;
  docId: string;
  title: string;
  /** Matched words in `title`. */
  titleRanges: MatchRange[];
  /** An excerpt of the body around the best match. */
  snippet: Snippet;
  /** Relevance (BM25+, title counted three times); only the order is meaningful. */
  score: number;
  updatedAt: number;
}

export interface NoteSearchOptions {
  /** Most results returned (default 20, at most 200). */
  limit?: number;
  /** Only notes of these spaces (default: every space). */
  spaceIds?: Iterable<string>;
  /** Snippet length in characters (default 160). */
  snippetLength?: number;
}

/** The index's persisted form: plain JSON, give it back to `loadNoteIndex`. */
export interface NoteIndexSnapshot {
  version: typeof SNAPSHOT_VERSION;
  notes: NoteInput[];
  index: AsPlainObject;
}

export interface NoteIndex {
  /** Adds or replaces a note. Returns false when nothing changed (same title and text). */
  upsert(note: NoteInput): boolean;
  /** Removes a note; returns whether it was there. */
  remove(spaceId: string, docId: string): boolean;
  /** Removes every note of a space (the person left it); returns how many. */
  removeSpace(spaceId: string): number;
  has(spaceId: string, docId: string): boolean;
  /** Ranked notes matching every word of the query (or, if none does, any word). */
  search(query: string, options?: NoteSearchOptions): NoteHit[];
  /** Number of notes indexed. */
  readonly size: number;
  /** The persisted form; `JSON.stringify` it. */
  toJSON(): NoteIndexSnapshot;
}

/** Longest text indexed per note; beyond it the rest of the note is not searchable. */
export const MAX_INDEXED_TEXT = 1_000_000;
/** Longest title indexed. */
export const MAX_INDEXED_TITLE = 500;
/** Query words beyond this are ignored: fuzzy matching costs grow with each one. */
export const MAX_QUERY_TERMS = 8;
const MAX_QUERY_LENGTH = 256;
const MAX_LIMIT = 200;
const DEFAULT_LIMIT = 20;
const SNAPSHOT_VERSION = 1;
const TITLE_BOOST = 3;

interface IndexedNote {
  id: string;
  title: string;
  text: string;
}

const MINISEARCH_OPTIONS: Options<IndexedNote> = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: [],
  tokenize,
  processTerm: foldTerm,
  searchOptions: {
    boost: { title: TITLE_BOOST },
    // The last word as a prefix, so results appear while it is being typed;
    // the words before it are complete.
    prefix: (_term, i, terms) => i === terms.length - 1,
    // One typo per 5 characters, from 4-character words on; shorter words
    // would match half the dictionary.
    fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
    maxFuzzy: 2,
  },
};

/** A new, empty note index. */
export function createNoteIndex(): NoteIndex {
  return wrap(new MiniSearch<IndexedNote>(MINISEARCH_OPTIONS), new Map());
}

const noteSchema = z.object({
  spaceId: z.string().regex(ID_PATTERN),
  docId: z.string().regex(ID_PATTERN),
  title: z.string().max(MAX_INDEXED_TITLE),
  text: z.string().max(MAX_INDEXED_TEXT),
  updatedAt: z.number(),
});
const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  notes: z.array(noteSchema),
  index: z.looseObject({ documentCount: z.number().int().nonnegative() }),
});

/**
 * Restores an index from `toJSON()` output. A snapshot of another version,
 * or one that is corrupt, throws `NoteIndexError('invalid-snapshot')`: the
 * caller then builds a fresh index from the documents.
 */
export function loadNoteIndex(snapshot: unknown): NoteIndex {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    throw new NoteIndexError(
      'invalid-snapshot',
      `not a note index snapshot: ${z.prettifyError(parsed.error)}`,
    );
  }
  const notes = new Map(parsed.data.notes.map((n) => [key(n.spaceId, n.docId), n]));
  let search: MiniSearch<IndexedNote>;
  try {
    // The schema checked the envelope; MiniSearch checks its own format.
    search = MiniSearch.loadJS(parsed.data.index as unknown as AsPlainObject, MINISEARCH_OPTIONS);
  } catch (error) {
    throw new NoteIndexError('invalid-snapshot', `corrupt note index: ${message(error)}`, {
      cause: error,
    });
  }
  if (search.documentCount !== notes.size || [...notes.keys()].some((id) => !search.has(id))) {
    throw new NoteIndexError('invalid-snapshot', 'note index snapshot does not match its notes');
  }
  return wrap(search, notes);
}

function key(spaceId: string, docId: string): string {
  // Room-name form: ids cannot contain "/", so the key is unambiguous.
  return `${spaceId}/${docId}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function validNote(note: NoteInput): NoteInput {
  if (!ID_PATTERN.test(note.spaceId) || !ID_PATTERN.test(note.docId)) {
    throw new NoteIndexError('invalid-note', 'spaceId and docId must match [A-Za-z0-9_-]{1,64}');
  }
  if (typeof note.title !== 'string' || typeof note.text !== 'string') {
    throw new NoteIndexError('invalid-note', 'title and text must be strings');
  }
  return {
    spaceId: note.spaceId,
    docId: note.docId,
    title: note.title.slice(0, MAX_INDEXED_TITLE),
    text: note.text.slice(0, MAX_INDEXED_TEXT),
    updatedAt: Number.isFinite(note.updatedAt) ? note.updatedAt : 0,
  };
}

function wrap(search: MiniSearch<IndexedNote>, notes: Map<string, NoteInput>): NoteIndex {
  const index: NoteIndex = {
    upsert(input) {
      const note = validNote(input);
      const id = key(note.spaceId, note.docId);
      const old = notes.get(id);
      if (old !== undefined && old.title === note.title && old.text === note.text) {
        notes.set(id, note); // a newer updatedAt, same content: no reindexing
        return false;
      }
      // discard() is O(1); MiniSearch vacuums the stale postings in batches later.
      if (old !== undefined) search.discard(id);
      search.add({ id, title: note.title, text: note.text });
      notes.set(id, note);
      return true;
    },
    remove(spaceId, docId) {
      const id = key(spaceId, docId);
      if (!notes.delete(id)) return false;
      search.discard(id);
      return true;
    },
    removeSpace(spaceId) {
      let removed = 0;
      for (const note of [...notes.values()]) {
        if (note.spaceId === spaceId && index.remove(note.spaceId, note.docId)) removed += 1;
      }
      return removed;
    },
    has(spaceId, docId) {
      return notes.has(key(spaceId, docId));
    },
    search(query, options = {}) {
      return runSearch(search, notes, query, options);
    },
    get size() {
      return notes.size;
    },
    toJSON() {
      return { version: SNAPSHOT_VERSION, notes: [...notes.values()], index: search.toJSON() };
    },
  };
  return index;
}

function runSearch(
  search: MiniSearch<IndexedNote>,
  notes: ReadonlyMap<string, NoteInput>,
  query: string,
  options: NoteSearchOptions,
): NoteHit[] {
  const words = tokenize(query.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_TERMS);
  if (words.length === 0) return [];
  const text = words.join(' ');
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)));
  const spaces = options.spaceIds === undefined ? null : new Set(options.spaceIds);
  const filter =
    spaces === null
      ? undefined
      : (result: SearchResult): boolean => {
          const note = notes.get(idOf(result));
          return note !== undefined && spaces.has(note.spaceId);
        };
  const run = (combineWith: 'AND' | 'OR'): SearchResult[] =>
    search.search(text, filter === undefined ? { combineWith } : { combineWith, filter });
  // All words first (what a person typing several words means); if no note
  // has them all, the notes with any of them are better than nothing.
  let results = run('AND');
  if (results.length === 0 && words.length > 1) results = run('OR');

  const hits: { note: NoteInput; result: SearchResult }[] = [];
  for (const result of results) {
    const note = notes.get(idOf(result));
    if (note !== undefined) hits.push({ note, result });
  }
  // MiniSearch orders by score; equal scores go to the most recently changed note.
  hits.sort((a, b) => b.result.score - a.result.score || b.note.updatedAt - a.note.updatedAt);
  return hits.slice(0, limit).map(({ note, result }) => {
    const titleTerms = new Set<string>();
    const textTerms = new Set<string>();
    for (const [term, fields] of Object.entries(result.match)) {
      if (fields.includes('title')) titleTerms.add(term);
      if (fields.includes('text')) textTerms.add(term);
    }
    return {
      spaceId: note.spaceId,
      docId: note.docId,
      title: note.title,
      titleRanges: matchRanges(note.title, titleTerms),
      snippet: makeSnippet(note.text, textTerms, options.snippetLength),
      score: result.score,
      updatedAt: note.updatedAt,
    };
  });
}

function idOf(result: SearchResult): string {
  const id: unknown = result.id;
  return typeof id === 'string' ? id : '';
}
