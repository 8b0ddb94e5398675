import { describe, expect, it } from 'vitest';
import { notesFromText, queriesFrom, runSearchBench } from './search.ts';

const text = Array.from({ length: 4000 }, (_, i) => `word${i % 97} meeting${i % 13} budget`).join(
  ' ',
);

describe('search bench', () => {
  it('cuts a text into valid, word-aligned notes and draws deterministic queries', () => {
    const notes = notesFromText(text, 200);
    expect(notes).toHaveLength(200);
    expect(new Set(notes.map((n) => n.docId)).size).toBe(200);
    expect(notes.every((n) => n.title.length > 0 && /^\w/.test(n.title))).toBe(true);
    const queries = queriesFrom(notes, 5);
    expect(Object.keys(queries)).toEqual(['word', 'prefix', 'two words', 'typo']);
    expect(queriesFrom(notes, 5)).toEqual(queries);
  });

  it('reports ours against the peer without the trace (quick, synthetic)', async () => {
    const body = await runSearchBench({
      root: process.cwd(),
      quick: true,
      tracePath: '/nonexistent/trace.json.gz',
      log: () => undefined,
    });
    expect(body).toMatch(/\| Query \(all kinds\) \|/);
    expect(body).toMatch(/synthetic text/);
    expect(body).not.toMatch(/NaN/);
  });
});
