import { describe, expect, it } from 'vitest';
import {
  canonicalTree,
  createReplicas,
  deliver,
  syncAll,
  treeViolations,
} from './test-replicas.ts';

const ids = (replica: { index: { snapshot(): { list(o: object): readonly { id: string }[] } } }) =>
  replica.index
    .snapshot()
    .list({ includeArchived: true })
    .map((p) => p.id);

describe('concurrent moves (THE RULE)', () => {
  it('two people moving A under B and B under A converge to one tree without a cycle', () => {
    const [alice, bob] = createReplicas(2);
    if (alice === undefined || bob === undefined) throw new Error('replicas');
    alice.index.create({ id: 'A', title: 'A', parentId: null });
    alice.index.create({ id: 'B', title: 'B', parentId: null });
    syncAll([alice, bob]);

    alice.index.move('A', { parentId: 'B' });
    bob.index.move('B', { parentId: 'A' });
    syncAll([alice, bob]);

    const tree = alice.index.snapshot();
    expect(canonicalTree(bob.index.snapshot())).toBe(canonicalTree(tree));
    expect(treeViolations(tree, ['A', 'B'])).toEqual([]);
    // Both wrote the same state-vector sum; bob's larger client id makes his move the later one, so it loses.
    expect(tree.get('A')?.parentId).toBe('B');
    expect(tree.get('B')?.parentId).toBeNull();
    expect([...tree.detached]).toEqual(['B']);
  });

  it('a three-way cycle across three replicas is broken once, the same way everywhere', () => {
    const replicas = createReplicas(3);
    const [r0, r1, r2] = replicas;
    if (r0 === undefined || r1 === undefined || r2 === undefined) throw new Error('replicas');
    for (const id of ['P', 'A', 'B', 'C'])
      r0.index.create({ id, title: id, parentId: id === 'P' ? null : 'P' });
    syncAll(replicas);
    r0.index.move('A', { parentId: 'B' });
    r1.index.move('B', { parentId: 'C' });
    r2.index.move('C', { parentId: 'A' });
    syncAll(replicas);
    const expected = canonicalTree(r0.index.snapshot());
    for (const r of replicas) {
      expect(canonicalTree(r.index.snapshot())).toBe(expected);
      expect(treeViolations(r.index.snapshot(), ['P', 'A', 'B', 'C'])).toEqual([]);
    }
    // The loser goes back under P, where it was before its move.
    const loser = [...r0.index.snapshot().detached][0] ?? '';
    expect(r0.index.get(loser)?.parentId).toBe('P');
  });

  it('two concurrent moves of one page leave it in exactly one place', () => {
    const replicas = createReplicas(2);
    const [a, b] = replicas;
    if (a === undefined || b === undefined) throw new Error('replicas');
    for (const id of ['X', 'Y', 'page']) a.index.create({ id, title: id, parentId: null });
    syncAll(replicas);
    a.index.move('page', { parentId: 'X' });
    b.index.move('page', { parentId: 'Y' });
    syncAll(replicas);
    expect(canonicalTree(a.index.snapshot())).toBe(canonicalTree(b.index.snapshot()));
    const inX = a.index.children('X').length;
    const inY = a.index.children('Y').length;
    expect(inX + inY).toBe(1);
    expect(ids(a).filter((id) => id === 'page')).toHaveLength(1);
  });

  it('a move into a page that someone archived meanwhile keeps the page, hidden with that subtree', () => {
    const replicas = createReplicas(2);
    const [a, b] = replicas;
    if (a === undefined || b === undefined) throw new Error('replicas');
    a.index.create({ id: 'folder', title: 'folder', parentId: null });
    a.index.create({ id: 'doc', title: 'doc', parentId: null });
    syncAll(replicas);
    a.index.move('doc', { parentId: 'folder' });
    b.index.archive('folder');
    syncAll(replicas);
    expect(canonicalTree(a.index.snapshot())).toBe(canonicalTree(b.index.snapshot()));
    expect(b.index.get('doc')).toMatchObject({ parentId: 'folder', hidden: true });
    b.index.restore('folder');
    expect(b.index.children('folder').map((p) => p.id)).toEqual(['doc']);
  });

  it('a page created offline under a page another replica has not yet seen shows at the root, then nests', () => {
    const replicas = createReplicas(3);
    const [a, b, c] = replicas;
    if (a === undefined || b === undefined || c === undefined) throw new Error('replicas');
    a.index.create({ id: 'parent', title: 'parent', parentId: null });
    syncAll([a, b]);
    b.index.create({ id: 'child', title: 'child', parentId: 'parent' });
    // c hears b's own update before anything from a.
    expect(deliver(b, c)).toBe(true);
    expect(c.index.get('child')).toMatchObject({ parentId: null });
    expect([...c.index.snapshot().orphaned]).toEqual(['child']);
    syncAll(replicas);
    expect(c.index.get('child')?.parentId).toBe('parent');
  });

  it('repair() writes the outcome of the rule, and concurrent repairs agree', () => {
    const replicas = createReplicas(2);
    const [a, b] = replicas;
    if (a === undefined || b === undefined) throw new Error('replicas');
    a.index.create({ id: 'A', title: 'A', parentId: null });
    a.index.create({ id: 'B', title: 'B', parentId: null });
    syncAll(replicas);
    a.index.move('A', { parentId: 'B' });
    b.index.move('B', { parentId: 'A' });
    syncAll(replicas);
    const before = canonicalTree(a.index.snapshot());
    expect(a.index.repair()).toBe(1);
    expect(b.index.repair()).toBe(1);
    syncAll(replicas);
    expect(a.index.snapshot().detached.size).toBe(0);
    expect(canonicalTree(a.index.snapshot())).toBe(canonicalTree(b.index.snapshot()));
    // Same parents as before the repair (order keys kept too).
    expect(canonicalTree(a.index.snapshot())).toBe(before);
  });
});
