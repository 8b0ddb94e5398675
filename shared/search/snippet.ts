// Snippets around the best match. MiniSearch deliberately has no
// highlighting or snippet support (its README: "MiniSearch does not store
// the original text"; the result only says which index terms matched), and
// the other well-kept client-side engines (FlexSearch, Lunr, Fuse.js) either
// lack it or tie it to their own tokenizer. Our tokenizer is shared with the
// index (terms.ts), so locating the matched terms in the text is a small,
// exact step, written here.
import { foldTerm, wordSpans, type WordSpan } from './terms.ts';

/** A highlighted part of a string: [start, end) in UTF-16 code units. */
export type MatchRange = readonly [start: number, end: number];

/** A short excerpt of a note and the parts of it that matched the query. */
export interface Snippet {
  /** The excerpt; line breaks become spaces; "…" marks a cut. */
  text: string;
  /** Matched words, ascending, relative to `text`. */
  ranges: MatchRange[];
}

export const DEFAULT_SNIPPET_LENGTH = 160;
const ELLIPSIS = '…';

/** Where each matched word of `text` sits, for any of the index terms in `terms`. */
export function matchRanges(text: string, terms: ReadonlySet<string>): MatchRange[] {
  if (terms.size === 0) return [];
  return matchedSpans(text, terms).map((s) => [s.start, s.end] as const);
}

/** The words of `text` whose search form is in `terms`, in order. */
export function matchedSpans(text: string, terms: ReadonlySet<string>): WordSpan[] {
  return NON_ASCII.test(text) ? matchedSpansByWords(text, terms) : matchedSpansAscii(text, terms);
}

const NON_ASCII = /[^\p{ASCII}]/u;
const ASCII_WORD_CHAR = /[A-Za-z0-9]/;

/** Any text: every word tokenized and folded, exactly as the index did. */
export function matchedSpansByWords(text: string, terms: ReadonlySet<string>): WordSpan[] {
  return wordSpans(text).filter((span) => {
    const term = foldTerm(span.word);
    return term !== null && terms.has(term);
  });
}

/**
 * Pure ASCII text, the common case, about five times faster: in ASCII a word
 * is a run of [A-Za-z0-9] and folding is lower-casing, so each term is found
 * with indexOf in the lower-cased text and kept where it is a whole word.
 * Gives the same spans as `matchedSpansByWords` (a test checks it).
 */
function matchedSpansAscii(text: string, terms: ReadonlySet<string>): WordSpan[] {
  const lower = text.toLowerCase();
  const spans: WordSpan[] = [];
  for (const term of terms) {
    if (!/^[a-z0-9]+$/.test(term)) continue; // a non-ASCII term cannot occur here
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (ASCII_WORD_CHAR.test(text[at - 1] ?? '') || ASCII_WORD_CHAR.test(text[end] ?? '')) {
        continue;
      }
      spans.push({ word: text.slice(at, end), start: at, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * An excerpt of about `length` characters around the best match: the window
 * that holds the most distinct matched terms, then the most matches, then
 * the earliest. Without a match in the text, the start of the text.
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
  length = DEFAULT_SNIPPET_LENGTH,
): Snippet {
  const spans = terms.size > 0 ? matchedSpans(text, terms) : [];
  const first = spans[0];
  if (first === undefined) return cut(text, 0, Math.min(text.length, length), []);

  let best = { from: 0, to: 0, distinct: 0, count: 0 };
  // Two pointers over the matches: [from, to] is the widest run of matches
  // that fits in `length` characters.
  let from = 0;
  const inWindow = new Map<string, number>();
  for (let to = 0; to < spans.length; to++) {
    const add = termOf(spans[to]);
    inWindow.set(add, (inWindow.get(add) ?? 0) + 1);
    while (end(spans[to]) - start(spans[from]) > length && from < to) {
      const drop = termOf(spans[from]);
      const left = (inWindow.get(drop) ?? 1) - 1;
      if (left === 0) inWindow.delete(drop);
      else inWindow.set(drop, left);
      from += 1;
    }
    const count = to - from + 1;
    if (inWindow.size > best.distinct || (inWindow.size === best.distinct && count > best.count)) {
      best = { from, to, distinct: inWindow.size, count };
    }
  }

  const firstStart = start(spans[best.from]);
  const lastEnd = Math.min(end(spans[best.to]), firstStart + length);
  // Centre the matches in the window, then widen to whole words.
  const slack = Math.max(0, length - (lastEnd - firstStart));
  let windowStart = Math.max(0, firstStart - Math.floor(slack / 2));
  const windowEnd = Math.min(text.length, windowStart + length);
  windowStart = Math.max(0, Math.min(windowStart, windowEnd - length));
  return cut(
    text,
    wordBoundaryBefore(text, windowStart),
    wordBoundaryAfter(text, windowEnd),
    spans,
  );
}

function termOf(span: WordSpan | undefined): string {
  return span === undefined ? '' : (foldTerm(span.word) ?? '');
}
function start(span: WordSpan | undefined): number {
  return span?.start ?? 0;
}
function end(span: WordSpan | undefined): number {
  return span?.end ?? 0;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Moves a cut point left out of the middle of a word. */
function wordBoundaryBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i] ?? '')) i -= 1;
  return i;
}

/** Moves a cut point right out of the middle of a word. */
function wordBoundaryAfter(text: string, at: number): number {
  let i = at;
  while (i < text.length && WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i] ?? ''))
    i += 1;
  return i;
}

function cut(text: string, from: number, to: number, spans: readonly WordSpan[]): Snippet {
  // Every whitespace character is one UTF-16 unit, so replacing each with a
  // space keeps the offsets of the ranges valid.
  const body = text.slice(from, to).replace(/\s/g, ' ');
  const lead = body.trimStart();
  const trimmedLead = body.length - lead.length;
  const core = lead.trimEnd();
  const prefix = from > 0 ? ELLIPSIS : '';
  const suffix = to < text.length ? ELLIPSIS : '';
  const shift = prefix.length - from - trimmedLead;
  const ranges: MatchRange[] = [];
  for (const span of spans) {
    if (span.start >= from + trimmedLead && span.end <= from + trimmedLead + core.length) {
      ranges.push([span.start + shift, span.end + shift]);
    }
  }
  return { text: `${prefix}${core}${suffix}`, ranges };
}
