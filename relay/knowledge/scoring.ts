/**
 * The expert finder's score, kept simple enough to explain to the people it
 * ranks. For a query X:
 *
 *   score(person) = Σ over notes matching X that the asker may read of
 *                     EDIT_WEIGHT · ln(1 + edits) + COMMENT_WEIGHT · ln(1 + comments)
 *                 + SKILL_BONUS · (declared skills and topics matching X)
 *
 * The logarithm damps volume: the 500th edit of one note says less than a
 * first edit of another, so breadth across matching notes beats hammering
 * one. A skill or topic matches when it shares a word with the query (words
 * folded as search folds them: case and accents ignored). Ties break by id.
 */
import { foldTerm, tokenize } from '../../shared/search/index.ts';
import { noteKey, type Authorship } from './types.ts';

export const EDIT_WEIGHT = 1;
export const COMMENT_WEIGHT = 0.5;
export const SKILL_BONUS = 2;

/** The folded words of a text. */
export function foldedWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of tokenize(text)) {
    const folded = foldTerm(word);
    if (folded !== null) out.add(folded);
  }
  return out;
}

/** The declared tags sharing a word with the query. */
export function matchingTags(tags: readonly string[], query: ReadonlySet<string>): string[] {
  return tags.filter((tag) => [...foldedWords(tag)].some((w) => query.has(w)));
}

/** One note's weight for one person. */
export function noteScore(edits: number, comments: number): number {
  return EDIT_WEIGHT * Math.log1p(edits) + COMMENT_WEIGHT * Math.log1p(comments);
}

export interface Ranked {
  readonly person: string;
  readonly score: number;
  readonly matchedSkills: readonly string[];
  /** Their shares of matching notes, heaviest first. */
  readonly evidence: readonly Authorship[];
}

/**
 * Ranks `people` (those allowed to appear) by the formula above, from their
 * shares of matching readable notes and their matching declared tags.
 */
export function rankExperts(
  shares: readonly Authorship[],
  readableNotes: ReadonlySet<string>,
  matchedTags: ReadonlyMap<string, readonly string[]>,
  allowed: (person: string) => boolean,
): Ranked[] {
  const byPerson = new Map<string, Authorship[]>();
  for (const share of shares) {
    if (!readableNotes.has(noteKey(share.spaceId, share.docId))) continue;
    if (share.edits === 0 && share.comments === 0) continue;
    const list = byPerson.get(share.person) ?? [];
    list.push(share);
    byPerson.set(share.person, list);
  }
  for (const person of matchedTags.keys()) if (!byPerson.has(person)) byPerson.set(person, []);
  const ranked: Ranked[] = [];
  for (const [person, list] of byPerson) {
    if (!allowed(person)) continue;
    const tags = matchedTags.get(person) ?? [];
    const weights = new Map(list.map((a) => [a, noteScore(a.edits, a.comments)]));
    const evidence = [...list].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0));
    const score = [...weights.values()].reduce((sum, w) => sum + w, 0) + SKILL_BONUS * tags.length;
    if (score > 0) ranked.push({ person, score, matchedSkills: tags, evidence });
  }
  return ranked.sort((a, b) => b.score - a.score || a.person.localeCompare(b.person));
}
