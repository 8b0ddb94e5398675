import { describe, expect, it } from 'vitest';
import { makeSnippet, matchedSpans, matchedSpansByWords, matchRanges } from './snippet.ts';
import { foldTerm, tokenize } from './terms.ts';

function marked(text: string, ranges: readonly (readonly [number, number])[]): string[] {
  return ranges.map(([a, b]) => text.slice(a, b));
}

describe('terms', () => {
  it('splits on anything but letters, digits and marks, and folds case and accents', () => {
    expect(tokenize('Hello, wörld! 2026-03-01 e\u0301t\u00e9')).toEqual([
      'Hello',
      'wörld',
      '2026',
      '03',
      '01',
      'e\u0301t\u00e9',
    ]);
    expect(foldTerm('ÉTÉ')).toBe('ete');
    expect(foldTerm('e\u0301te\u0301')).toBe('ete');
    expect(foldTerm('x'.repeat(65))).toBeNull();
  });
});

describe('snippets', () => {
  it('returns the start of the text when nothing matched in it', () => {
    const snippet = makeSnippet('Short body text.', new Set());
    expect(snippet).toEqual({ text: 'Short body text.', ranges: [] });
  });

  it('cuts at word boundaries and marks the cuts', () => {
    const text = `${'alpha beta gamma '.repeat(30)}needle ${'delta epsilon '.repeat(30)}`;
    const snippet = makeSnippet(text, new Set(['needle']), 60);
    expect(marked(snippet.text, snippet.ranges)).toEqual(['needle']);
    expect(snippet.text).toMatch(/^… ?[a-z]/);
    expect(snippet.text).toMatch(/[a-z]…$/);
    // No word is cut in half: every word of the snippet is a word of the text.
    const words = new Set(tokenize(text));
    expect(tokenize(snippet.text).every((w) => words.has(w))).toBe(true);
  });

  it('prefers the window with the most distinct query terms', () => {
    const text = [
      'budget budget budget here.',
      'x '.repeat(200),
      'The budget for hiring is set.',
      'y '.repeat(200),
    ].join(' ');
    const snippet = makeSnippet(text, new Set(['budget', 'hiring']), 80);
    expect(marked(snippet.text, snippet.ranges)).toEqual(['budget', 'hiring']);
  });

  it('highlights the original spelling of a folded term', () => {
    const text = 'Meeting at the Café Größe';
    expect(marked(text, matchRanges(text, new Set(['cafe'])))).toEqual(['Café']);
    const snippet = makeSnippet(text, new Set(['cafe']));
    expect(marked(snippet.text, snippet.ranges)).toEqual(['Café']);
  });

  it('keeps ranges valid across line breaks and astral characters', () => {
    const text = 'first line 🎉\n\nsecond 😀 line with target word\nthird';
    const snippet = makeSnippet(text, new Set(['target']), 200);
    expect(snippet.text).not.toContain('\n');
    expect(marked(snippet.text, snippet.ranges)).toEqual(['target']);
  });

  it('finds the same words on the ASCII fast path as by tokenizing', () => {
    let state = 42;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const vocabulary = [
      'sync',
      'Sync',
      'SYNCED',
      'async',
      'a',
      'b2',
      'x_y',
      'sync-up',
      '2026',
      'é',
    ];
    const separators = [' ', '\n', '-', '_', '.', '', '  '];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 40; i++) {
        text +=
          (vocabulary[random(vocabulary.length - 1)] ?? '') +
          (separators[random(separators.length)] ?? ' ');
      }
      const terms = new Set(
        ['sync', 'synced', 'a', 'b2', '2026', 'y'].filter(() => random(2) === 0),
      );
      expect(matchedSpans(text, terms)).toEqual(matchedSpansByWords(text, terms));
    }
  });
});
