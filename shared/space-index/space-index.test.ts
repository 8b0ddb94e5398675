import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SpaceIndexError } from './errors.ts';
import { openSpaceIndex, type SpaceIndex } from './space-index.ts';

function open(userId = 'alice'): SpaceIndex {
  let time = 1_000;
  return openSpaceIndex(new Y.Doc(), { userId, now: () => (time += 1) });
}

function titles(index: SpaceIndex, parentId: string | null): string[] {
  return index.children(parentId).map((page) => page.title);
}

function expectCode(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpaceIndexError);
    expect((error as SpaceIndexError).code).toBe(code);
    return;
  }
  expect.unreachable(`expected a ${code} error`);
}

describe('create', () => {
  it('creates pages with their fields, at the end or at an index', () => {
    const index = open();
    const a = index.create({ id: 'a', title: 'Alpha', parentId: null });
    index.create({ id: 'c', title: 'Gamma', parentId: null });
    index.create({ id: 'b', title: 'Beta', parentId: null, index: 1, kind: 'meeting', icon: '📅' });
    expect(titles(index, null)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(a).toMatchObject({
      id: 'a',
      parentId: null,
      kind: 'note',
      icon: null,
      archived: null,
      createdBy: 'alice',
      updatedBy: 'alice',
    });
    expect(index.get('b')).toMatchObject({ kind: 'meeting', icon: '📅' });
    expect(a.createdAt).toBeGreaterThan(1_000);
  });

  it('nests pages and lists the tree and breadcrumbs', () => {
    const index = open();
    index.create({ id: 'root1', title: 'Handbook', parentId: null });
    index.create({ id: 'child', title: 'Onboarding', parentId: 'root1' });
    index.create({ id: 'leaf', title: 'Day one', parentId: 'child' });
    expect(index.path('leaf').map((p) => p.id)).toEqual(['root1', 'child', 'leaf']);
    expect(index.path('nope')).toEqual([]);
    const tree = index.tree();
    expect(tree[0]?.page.id).toBe('root1');
    expect(tree[0]?.children[0]?.children[0]?.page.id).toBe('leaf');
  });

  it.each([
    [{ id: 'bad id', title: 't', parentId: null }, 'invalid-id'],
    [{ id: 'x'.repeat(65), title: 't', parentId: null }, 'invalid-id'],
    [{ id: 'ok', title: 'x'.repeat(501), parentId: null }, 'invalid-title'],
    [{ id: 'ok', title: 't', parentId: null, icon: '' }, 'invalid-icon'],
    [{ id: 'ok', title: 't', parentId: null, kind: 'wiki' }, 'invalid-kind'],
    [{ id: 'ok', title: 't', parentId: 'missing' }, 'not-found'],
    [{ id: 'ok', title: 't', parentId: null, index: -1 }, 'invalid-position'],
    [{ id: 'ok', title: 't', parentId: null, index: 1.5 }, 'invalid-position'],
  ])('refuses %j with %s and writes nothing', (input, code) => {
    const index = open();
    const before = Y.encodeStateAsUpdate(index.doc);
    expectCode(() => index.create(input as Parameters<SpaceIndex['create']>[0]), code);
    expect(Y.encodeStateAsUpdate(index.doc)).toEqual(before);
  });

  it('refuses a duplicate id and a parent that is archived', () => {
    const index = open();
    index.create({ id: 'a', title: 'A', parentId: null });
    expectCode(() => index.create({ id: 'a', title: 'again', parentId: null }), 'duplicate-id');
    index.archive('a');
    expectCode(() => index.create({ id: 'b', title: 'B', parentId: 'a' }), 'archived-parent');
  });

  it('refuses an empty user id', () => {
    expectCode(() => openSpaceIndex(new Y.Doc(), { userId: '' }), 'invalid-user');
  });
});

describe('rename and icon', () => {
  it('renames, sets and clears the icon, recording who and when', () => {
    const index = open();
    const created = index.create({ id: 'a', title: 'Draft', parentId: null });
    const other = openSpaceIndex(index.doc, { userId: 'bob', now: () => 5_000 });
    other.rename('a', 'Final');
    other.setIcon('a', '🚀');
    expect(index.get('a')).toMatchObject({
      title: 'Final',
      icon: '🚀',
      updatedBy: 'bob',
      updatedAt: 5_000,
      createdBy: 'alice',
      createdAt: created.createdAt,
    });
    index.setIcon('a', null);
    expect(index.get('a')?.icon).toBeNull();
    expectCode(() => {
      index.rename('missing', 'x');
    }, 'not-found');
    expectCode(() => {
      index.rename('a', 'x'.repeat(501));
    }, 'invalid-title');
  });
});

describe('move', () => {
  it('reorders among siblings and moves to another parent', () => {
    const index = open();
    for (const id of ['a', 'b', 'c']) index.create({ id, title: id, parentId: null });
    index.move('c', { parentId: null, index: 0 });
    expect(titles(index, null)).toEqual(['c', 'a', 'b']);
    index.move('c', { parentId: null, index: 2 });
    expect(titles(index, null)).toEqual(['a', 'b', 'c']);
    index.move('a', { parentId: 'b' });
    expect(titles(index, null)).toEqual(['b', 'c']);
    expect(titles(index, 'b')).toEqual(['a']);
    index.move('c', { parentId: 'b', index: 0 });
    expect(titles(index, 'b')).toEqual(['c', 'a']);
    expect(index.get('c')?.parentId).toBe('b');
    index.move('c', { parentId: 'b', index: 99 });
    expect(titles(index, 'b')).toEqual(['a', 'c']);
  });

  it('refuses to move a page into itself or its own subtree', () => {
    const index = open();
    index.create({ id: 'a', title: 'a', parentId: null });
    index.create({ id: 'b', title: 'b', parentId: 'a' });
    index.create({ id: 'c', title: 'c', parentId: 'b' });
    expectCode(() => {
      index.move('a', { parentId: 'a' });
    }, 'cycle');
    expectCode(() => {
      index.move('a', { parentId: 'c' });
    }, 'cycle');
    expectCode(() => {
      index.move('zz', { parentId: null });
    }, 'not-found');
    expect(index.get('a')?.parentId).toBeNull();
  });
});

describe('archive and restore', () => {
  it('archiving hides the subtree; restoring brings it back', () => {
    const index = open();
    index.create({ id: 'a', title: 'a', parentId: null });
    index.create({ id: 'b', title: 'b', parentId: 'a' });
    index.create({ id: 'c', title: 'c', parentId: null });
    index.archive('a');
    expect(titles(index, null)).toEqual(['c']);
    expect(index.children('a')).toEqual([]);
    expect(index.get('b')?.hidden).toBe(true);
    expect(index.children(null, { includeArchived: true }).map((p) => p.id)).toEqual(['a', 'c']);
    expect(index.archived().map((p) => p.id)).toEqual(['a']);
    expect(index.get('a')?.archived).toMatchObject({ by: 'alice' });
    index.archive('a'); // no-op
    index.restore('a');
    expect(titles(index, null)).toEqual(['a', 'c']);
    expect(titles(index, 'a')).toEqual(['b']);
    expect(index.archived()).toEqual([]);
  });

  it('restoring a page whose ancestor is still archived moves it to the root', () => {
    const index = open();
    index.create({ id: 'a', title: 'a', parentId: null });
    index.create({ id: 'b', title: 'b', parentId: 'a' });
    index.archive('b');
    index.archive('a');
    index.restore('b');
    expect(index.get('b')).toMatchObject({ parentId: null, hidden: false, archived: null });
    expect(titles(index, null)).toEqual(['b']);
  });
});

describe('observe', () => {
  it('reports local and remote changes with the page ids, until unsubscribed', () => {
    const index = open();
    const remote = openSpaceIndex(new Y.Doc(), { userId: 'bob' });
    const listener = vi.fn();
    const stop = index.observe(listener);
    index.create({ id: 'a', title: 'a', parentId: null });
    expect(listener).toHaveBeenLastCalledWith({ local: true, pageIds: new Set(['a']) });
    Y.applyUpdate(remote.doc, Y.encodeStateAsUpdate(index.doc));
    remote.rename('a', 'renamed');
    Y.applyUpdate(index.doc, Y.encodeStateAsUpdate(remote.doc));
    expect(listener).toHaveBeenLastCalledWith({ local: false, pageIds: new Set(['a']) });
    expect(index.get('a')?.title).toBe('renamed');
    stop();
    index.rename('a', 'again');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('memoises the tree until the doc changes', () => {
    const index = open();
    index.create({ id: 'a', title: 'a', parentId: null });
    const first = index.snapshot();
    expect(index.snapshot()).toBe(first);
    index.rename('a', 'b');
    expect(index.snapshot()).not.toBe(first);
  });
});

describe('hostile document content', () => {
  it('skips entries that are not pages and defaults malformed fields', () => {
    const index = open();
    index.create({ id: 'good', title: 'Good', parentId: null });
    const pages = index.doc.getMap('pages');
    index.doc.transact(() => {
      pages.set('not a page id!', new Y.Map());
      pages.set('plain', { title: 'not a Y.Map' });
      const weird = new Y.Map<unknown>();
      pages.set('weird', weird);
      weird.set('title', 42);
      weird.set('pos', { parent: '../../etc', order: 7, clock: 'x' });
      weird.set('kind', 'evil');
      weird.set('archived', 'yes');
    });
    expect(index.children(null).map((p) => p.id)).toEqual(['weird', 'good']);
    expect(index.get('weird')).toMatchObject({
      title: '',
      kind: 'note',
      parentId: null,
      archived: null,
    });
    index.move('weird', { parentId: 'good' });
    expect(index.get('weird')?.parentId).toBe('good');
  });
});
