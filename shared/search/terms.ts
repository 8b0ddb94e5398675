// Words and their search form. The index (MiniSearch) and the snippet
// extraction must agree exactly on what a word is and how it is folded,
// or a hit could not be located in the text it came from; so both use
// the two functions below and nothing else.

/**
 * A word: a run of letters, digits and combining marks (so "café" written
 * with a combining accent stays one word). Anything else separates words.
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** Longest word indexed; longer runs (base64 blobs, hashes) are noise, not words. */
export const MAX_TERM_LENGTH = 64;

/** One word of a text and where it sits (UTF-16 offsets, end exclusive). */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Splits text into words, as the index sees them. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Splits text into words with their offsets, for locating matches. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/**
 * The search form of a word: lower case, diacritics removed (NFD then drop
 * combining marks), so "Résumé", "resume" and "RESUME" are one term.
 * Returns null for words that are not worth indexing (too long).
 */
export function foldTerm(word: string): string | null {
  if (word.length > MAX_TERM_LENGTH) return null;
  // Most words are plain ASCII, and normalize() is the costliest step of indexing.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  const folded = word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return folded.length > 0 ? folded : null;
}
