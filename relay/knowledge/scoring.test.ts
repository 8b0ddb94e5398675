import { describe, expect, it } from 'vitest';
import { matchingTags, foldedWords, noteScore, rankExperts, SKILL_BONUS } from './scoring.ts';
import type { Authorship } from './types.ts';

const share = (person: string, docId: string, edits: number, comments = 0): Authorship => ({
  spaceId: 'S',
  docId,
  person,
  edits,
  comments,
  firstAt: 1,
  lastAt: 2,
});

describe('expert scoring', () => {
  it('damps volume: two notes edited once outweigh one note edited twice', () => {
    expect(2 * noteScore(1, 0)).toBeGreaterThan(noteScore(2, 0));
    expect(noteScore(0, 1)).toBeCloseTo(0.5 * Math.log(2));
  });

  it('matches tags by folded word, ignoring case and accents', () => {
    expect(
      matchingTags(['Résumé writing', 'Go', 'kubernetes'], foldedWords('RESUME tips')),
    ).toEqual(['Résumé writing']);
  });

  it('ranks only allowed people, only on readable notes, with the skill bonus', () => {
    const ranked = rankExperts(
      [share('ada', 'a', 3), share('bob', 'a', 9), share('cy', 'secret', 50), share('cy', 'a', 1)],
      new Set(['S/a']),
      new Map([['dee', ['Yjs']]]),
      (p) => p !== 'bob',
    );
    expect(ranked.map((r) => r.person)).toEqual(['dee', 'ada', 'cy']);
    expect(ranked[0]?.score).toBe(SKILL_BONUS);
    expect(ranked[2]?.evidence.map((e) => e.docId)).toEqual(['a']);
  });
});
