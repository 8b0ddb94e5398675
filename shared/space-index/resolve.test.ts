import { describe, expect, it } from 'vitest';
import { buildPageTree } from './page-tree.ts';
import { resolveParents } from './resolve.ts';
import type { StoredPage } from './schema.ts';

/** A stored page: parent, move clock, client, and the parent before the move. */
function page(
  id: string,
  parent: string | null,
  clock = 0,
  client = 1,
  prev: string | null = null,
): StoredPage {
  return {
    id,
    title: id,
    icon: null,
    kind: 'note',
    pos: { parent, order: 'V', prev, clock, client },
    archived: null,
    createdAt: 0,
    createdBy: 'u',
    updatedAt: 0,
    updatedBy: 'u',
  };
}

function parents(pages: StoredPage[]): Record<string, string | null> {
  return Object.fromEntries(resolveParents(pages).parent);
}

describe('resolveParents (THE RULE)', () => {
  it('keeps stored parents when there is no cycle', () => {
    expect(parents([page('a', null), page('b', 'a'), page('c', 'b')])).toEqual({
      a: null,
      b: 'a',
      c: 'b',
    });
  });

  it('puts a page whose parent is unknown at the root, and reports it', () => {
    const result = resolveParents([page('a', 'ghost'), page('b', 'a')]);
    expect(Object.fromEntries(result.parent)).toEqual({ a: null, b: 'a' });
    expect([...result.orphaned]).toEqual(['a']);
  });

  it('breaks a two-page cycle at the later move, which goes back to its previous parent', () => {
    // a moved under b at clock 5; b moved under a at clock 7, both from under p.
    const result = resolveParents([
      page('p', null),
      page('a', 'b', 5, 1, 'p'),
      page('b', 'a', 7, 2, 'p'),
    ]);
    expect(Object.fromEntries(result.parent)).toEqual({ p: null, a: 'b', b: 'p' });
    expect([...result.detached]).toEqual(['b']);
  });

  it('uses the client id, then the page id, to break equal clocks', () => {
    expect(parents([page('a', 'b', 5, 9), page('b', 'a', 5, 3)])).toEqual({ a: null, b: 'a' });
    expect(parents([page('a', 'b', 5, 3), page('b', 'a', 5, 3)])).toEqual({ a: 'b', b: null });
  });

  it('treats a page that is its own parent as a cycle', () => {
    expect(parents([page('a', 'a', 1, 1, null)])).toEqual({ a: null });
  });

  it('breaks a three-page cycle once, keeping the other two moves', () => {
    const result = resolveParents([page('a', 'b', 1), page('b', 'c', 9), page('c', 'a', 4)]);
    expect(Object.fromEntries(result.parent)).toEqual({ a: 'b', b: null, c: 'a' });
  });

  it('sends a loser to the root when its previous parent is now inside its own subtree', () => {
    // b lost, and its previous parent c now hangs below b (c -> a -> b).
    expect(parents([page('a', 'b', 1), page('b', 'a', 9, 1, 'c'), page('c', 'a', 2)])).toEqual({
      a: 'b',
      b: null,
      c: 'a',
    });
  });

  it('places losers in stamp order when their previous parents depend on each other', () => {
    // Two cycles: (a,b) loser b wants back under c; (c,d) loser d wants back under b.
    const pages = [
      page('a', 'b', 1),
      page('b', 'a', 5, 1, 'c'),
      page('c', 'd', 2),
      page('d', 'c', 6, 1, 'b'),
    ];
    expect(parents(pages)).toEqual({ a: 'b', b: 'c', c: 'd', d: null });
    expect(parents([...pages].reverse())).toEqual(parents(pages));
  });

  it('resolves 2,000 pages chained deep and 1,000 two-page cycles without recursion', () => {
    const chain = Array.from({ length: 2000 }, (_, i) =>
      page(`p${i}`, i === 0 ? null : `p${i - 1}`, i),
    );
    const tree = buildPageTree(chain);
    expect(tree.path('p1999')).toHaveLength(2000);
    expect(tree.tree()).toHaveLength(1);

    const cycles = Array.from({ length: 1000 }, (_, i) => [
      page(`x${i}`, `y${i}`, 1),
      page(`y${i}`, `x${i}`, 2),
    ]).flat();
    const resolved = resolveParents(cycles);
    expect(resolved.detached.size).toBe(1000);
    expect(buildPageTree(cycles).children(null)).toHaveLength(1000);
  });
});
