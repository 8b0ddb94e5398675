import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSpaceIndex } from '../../../shared/space-index/index.ts';
import { canDrop, dropPosition, dropTarget, moveDestinations } from './drop.ts';

function sample() {
  const index = openSpaceIndex(new Y.Doc(), { userId: 'emp-ada' });
  index.create({ id: 'a', title: 'Alpha', parentId: null });
  index.create({ id: 'a1', title: 'Alpha one', parentId: 'a' });
  index.create({ id: 'x', title: 'Gone', parentId: null });
  index.create({ id: 'b', title: 'Beta', parentId: null });
  index.archive('x');
  return index;
}

describe('drop rules', () => {
  it('splits a row into before (top quarter), inside and after (bottom quarter)', () => {
    const rect = { top: 100, height: 40 };
    expect(dropPosition(100, rect)).toBe('before');
    expect(dropPosition(109, rect)).toBe('before');
    expect(dropPosition(120, rect)).toBe('inside');
    expect(dropPosition(131, rect)).toBe('after');
    expect(dropPosition(120, { top: 0, height: 0 })).toBe('inside');
  });

  it('refuses a page onto itself or into its own subtree', () => {
    const tree = sample().snapshot();
    expect(canDrop(tree, 'a', 'a')).toBe(false);
    expect(canDrop(tree, 'a', 'a1')).toBe(false);
    expect(dropTarget(tree, 'a', 'a1', 'after')).toBeNull();
    expect(canDrop(tree, 'a1', 'b')).toBe(true);
    expect(canDrop(tree, 'nope', 'b')).toBe(false);
  });

  it('counts visible siblings only, without the moving page, as SpaceIndex.move does', () => {
    const index = sample();
    const tree = index.snapshot();
    // Root visible: a, b (x archived). Before b, moving a: index 0 among [b].
    expect(dropTarget(tree, 'a', 'b', 'before')).toEqual({ parentId: null, index: 0 });
    expect(dropTarget(tree, 'a', 'b', 'after')).toEqual({ parentId: null, index: 1 });
    expect(dropTarget(tree, 'a1', 'b', 'before')).toEqual({ parentId: null, index: 1 });
    expect(dropTarget(tree, 'b', 'a', 'inside')).toEqual({ parentId: 'a' });
    const target = dropTarget(tree, 'a1', 'a', 'before');
    if (target === null) throw new Error('refused');
    index.move('a1', target);
    expect(index.children(null).map((p) => p.id)).toEqual(['a1', 'a', 'b']);
  });

  it('offers the root and every page outside the moving subtree as destinations', () => {
    const tree = sample().snapshot();
    expect(moveDestinations(tree, 'a').map((d) => d.id)).toEqual([null, 'b']);
    expect(moveDestinations(tree, 'a1').map((d) => [d.id, d.depth])).toEqual([
      [null, 0],
      ['a', 1],
      ['b', 1],
    ]);
  });
});
