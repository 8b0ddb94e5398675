import { describe, expect, it } from 'vitest';
import { createNoteIndex, loadNoteIndex, type NoteHit, type NoteInput } from './note-index.ts';
import { NoteIndexError } from './errors.ts';

function note(
  docId: string,
  title: string,
  text: string,
  extra: Partial<NoteInput> = {},
): NoteInput {
  return { spaceId: 'team', docId, title, text, updatedAt: 1, ...extra };
}

function ids(hits: NoteHit[]): string[] {
  return hits.map((h) => h.docId);
}

/** The highlighted substrings of a string. */
function marked(text: string, ranges: readonly (readonly [number, number])[]): string[] {
  return ranges.map(([a, b]) => text.slice(a, b));
}

describe('note index', () => {
  it('ranks a title match above a body match', () => {
    const index = createNoteIndex();
    index.upsert(note('body', 'Weekly sync', 'We talked about the roadmap for a while.'));
    index.upsert(note('title', 'Roadmap review', 'Quarterly planning session.'));
    expect(ids(index.search('roadmap'))).toEqual(['title', 'body']);
  });

  it('ranks an exact word above a prefix and a typo', () => {
    const index = createNoteIndex();
    index.upsert(note('prefix', 'Notes', 'budgeting for next year'));
    index.upsert(note('exact', 'Notes', 'the budget for next year'));
    index.upsert(note('fuzzy', 'Notes', 'the budgat for next year'));
    const hits = index.search('budget');
    expect(hits[0]?.docId).toBe('exact');
    expect(new Set(ids(hits))).toEqual(new Set(['prefix', 'exact', 'fuzzy']));
  });

  it('matches prefixes as the person types', () => {
    const index = createNoteIndex();
    index.upsert(note('a', 'Architecture decisions', 'Relay pipeline and storage.'));
    index.upsert(note('b', 'Lunch', 'Pizza'));
    expect(ids(index.search('arch'))).toEqual(['a']);
    expect(ids(index.search('relay pip'))).toEqual(['a']);
    expect(index.search('x')).toEqual([]);
  });

  it('tolerates a typo in longer words but not in short ones', () => {
    const index = createNoteIndex();
    index.upsert(note('a', 'Onboarding checklist', 'laptop, badge, accounts'));
    expect(ids(index.search('onbaording'))).toEqual(['a']);
    expect(ids(index.search('chekclist'))).toEqual(['a']);
    expect(index.search('bdg')).toEqual([]);
  });

  it('ignores case and diacritics on both sides', () => {
    const index = createNoteIndex();
    index.upsert(note('a', 'Résumé review', 'Café in München, naïve plan'));
    // A decomposed accent (e + U+0301) is the same word as a composed one.
    index.upsert(note('b', 'Other', 'Cafe\u0301 meeting'));
    expect(ids(index.search('RESUME'))).toEqual(['a']);
    expect(ids(index.search('munchen'))).toEqual(['a']);
    expect(new Set(ids(index.search('CAFÉ')))).toEqual(new Set(['a', 'b']));
    expect(new Set(ids(index.search('café')))).toEqual(new Set(['a', 'b']));
  });

  it('prefers notes with every word, and falls back to any word', () => {
    const index = createNoteIndex();
    index.upsert(note('both', 'Release plan', 'desktop release on Friday'));
    index.upsert(note('one', 'Release notes', 'web client fixes'));
    expect(ids(index.search('release desktop'))).toEqual(['both']);
    expect(new Set(ids(index.search('release zebra')))).toEqual(new Set(['both', 'one']));
  });

  it('removes notes and whole spaces', () => {
    const index = createNoteIndex();
    index.upsert(note('a', 'Alpha', 'shared word'));
    index.upsert(note('b', 'Beta', 'shared word'));
    index.upsert(note('c', 'Gamma', 'shared word', { spaceId: 'other' }));
    expect(index.remove('team', 'a')).toBe(true);
    expect(index.remove('team', 'a')).toBe(false);
    expect(ids(index.search('shared')).sort()).toEqual(['b', 'c']);
    expect(index.removeSpace('other')).toBe(1);
    expect(ids(index.search('shared'))).toEqual(['b']);
    expect(index.size).toBe(1);
    expect(index.has('team', 'b')).toBe(true);
  });

  it('replaces a note on update, and skips updates that change nothing', () => {
    const index = createNoteIndex();
    expect(index.upsert(note('a', 'Draft', 'old words here'))).toBe(true);
    expect(index.upsert(note('a', 'Draft', 'new words here', { updatedAt: 2 }))).toBe(true);
    expect(index.search('old')).toEqual([]);
    expect(ids(index.search('new'))).toEqual(['a']);
    expect(index.upsert(note('a', 'Draft', 'new words here', { updatedAt: 3 }))).toBe(false);
    expect(index.search('new')[0]?.updatedAt).toBe(3);
    expect(index.size).toBe(1);
  });

  it('filters by space and limits results', () => {
    const index = createNoteIndex();
    for (let i = 0; i < 30; i++) {
      index.upsert(
        note(`n${i}`, `Note ${i}`, 'standup', { spaceId: i % 2 === 0 ? 'even' : 'odd' }),
      );
    }
    expect(index.search('standup')).toHaveLength(20);
    expect(index.search('standup', { limit: 5 })).toHaveLength(5);
    const odd = index.search('standup', { spaceIds: ['odd'], limit: 100 });
    expect(odd).toHaveLength(15);
    expect(odd.every((h) => h.spaceId === 'odd')).toBe(true);
    expect(index.search('standup', { spaceIds: [] })).toEqual([]);
  });

  it('returns a snippet around the match with exact ranges, and title ranges', () => {
    const index = createNoteIndex();
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(20);
    index.upsert(note('a', 'Budget meeting', `${filler}The Budget was approved.\n${filler}`));
    const [hit] = index.search('budg');
    expect(hit).toBeDefined();
    if (hit === undefined) return;
    expect(marked(hit.title, hit.titleRanges)).toEqual(['Budget']);
    expect(marked(hit.snippet.text, hit.snippet.ranges)).toEqual(['Budget']);
    expect(hit.snippet.text.startsWith('…')).toBe(true);
    expect(hit.snippet.text.endsWith('…')).toBe(true);
    expect(hit.snippet.text).not.toContain('\n');
    expect(hit.snippet.text.length).toBeLessThanOrEqual(170);
  });

  it('refuses invalid ids with a clear error and changes nothing', () => {
    const index = createNoteIndex();
    expect(() => index.upsert(note('../x', 'T', 'text'))).toThrow(NoteIndexError);
    expect(() => index.upsert(note('ok', 'T', 'text', { spaceId: '' }))).toThrow(/spaceId/);
    expect(index.size).toBe(0);
  });

  it('ignores empty and punctuation-only queries', () => {
    const index = createNoteIndex();
    index.upsert(note('a', 'Anything', 'at all'));
    expect(index.search('')).toEqual([]);
    expect(index.search('  ?!  ')).toEqual([]);
  });

  it('persists through JSON and refuses corrupt snapshots', () => {
    const index = createNoteIndex();
    index.upsert(note('a', 'Persisted note', 'kept across restarts'));
    index.upsert(note('b', 'Removed note', 'gone'));
    index.remove('team', 'b');
    const json: unknown = JSON.parse(JSON.stringify(index));
    const restored = loadNoteIndex(json);
    expect(restored.size).toBe(1);
    expect(ids(restored.search('restarts'))).toEqual(['a']);
    expect(restored.search('gone')).toEqual([]);
    restored.upsert(note('c', 'After load', 'more'));
    expect(ids(restored.search('more'))).toEqual(['c']);

    expect(() => loadNoteIndex({ version: 99 })).toThrow(NoteIndexError);
    expect(() => loadNoteIndex('nonsense')).toThrow(/snapshot/);
    const mismatched = { ...index.toJSON(), notes: [] };
    expect(() => loadNoteIndex(mismatched)).toThrow(/does not match/);
  });

  it('finds the right notes among 2,000 synthetic ones', () => {
    const index = createNoteIndex();
    const topics = ['budget', 'hiring', 'roadmap', 'incident', 'design', 'offsite', 'security'];
    for (let i = 0; i < 2000; i++) {
      const topic = topics[i % topics.length] ?? 'misc';
      index.upsert(
        note(`n${i}`, `${topic} ${i}`, `Meeting ${i} about ${topic}. Marker w${i}x appears once.`, {
          spaceId: `s${i % 5}`,
        }),
      );
    }
    expect(index.size).toBe(2000);
    // Typos of the marker (w1235x…) match too, but the exact one ranks first.
    const [exact, next] = index.search('w1234x');
    expect(exact?.docId).toBe('n1234');
    expect(exact?.score ?? 0).toBeGreaterThan(next?.score ?? 0);
    const hiring = index.search('hiring', { limit: 200 });
    expect(hiring).toHaveLength(200);
    expect(hiring.every((h) => h.title.startsWith('hiring'))).toBe(true);
    const inSpace = index.search('security', { spaceIds: ['s3'], limit: 200 });
    expect(inSpace.length).toBeGreaterThan(0);
    expect(inSpace.every((h) => h.spaceId === 's3' && h.title.startsWith('security'))).toBe(true);
  });
});
