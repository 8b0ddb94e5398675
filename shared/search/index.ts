/**
 * Public API of the local note search. See README.md.
 */
export {
  createNoteIndex,
  loadNoteIndex,
  MAX_INDEXED_TEXT,
  MAX_INDEXED_TITLE,
  MAX_QUERY_TERMS,
} from './note-index.ts';
export type {
  NoteHit,
  NoteIndex,
  NoteIndexSnapshot,
  NoteInput,
  NoteSearchOptions,
} from './note-index.ts';
export { NoteIndexError } from './errors.ts';
export type { NoteIndexErrorCode } from './errors.ts';
export { DEFAULT_SNIPPET_LENGTH, makeSnippet, matchRanges } from './snippet.ts';
export type { MatchRange, Snippet } from './snippet.ts';
export { foldTerm, tokenize } from './terms.ts';
export {
  NOTE_BODY_FRAGMENT,
  observeNoteText,
  plainText,
  textFromFragment,
  textFromNoteDoc,
} from './note-text.ts';
export type { NoteText, NoteTextChange } from './note-text.ts';
