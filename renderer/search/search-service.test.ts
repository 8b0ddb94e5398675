import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { openSpaceIndex } from '../../shared/space-index/index.ts';
import { memoryStore } from '../auth/index.ts';
import { createAppStore, type AppStore } from '../store/index.ts';
import { createDocRegistry, noteBody, type DocRegistry } from '../sync/index.ts';
import { createSearchService, type SearchService } from './search-service.ts';
import { openSnapshotStore } from './snapshot-store.ts';

// Real registry, real y-indexeddb (over fake-indexeddb) and real MiniSearch;
// no relay: documents are opened with connect: false and edited locally.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

let seq = 0;
function setup(owner: string, storage = memoryStore(), spaces = ['team', 'ops']) {
  const store = createAppStore();
  store.getState().patchSpaces({
    status: 'ready',
    items: spaces.map((id) => ({ id, name: `Space ${id}`, role: 'owner' as const })),
  });
  const registry = createDocRegistry({
    relayUrl: 'ws://relay.test',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
    idleMs: 10,
    localStore: { owner, storage },
  });
  const flushes = { count: 0 };
  const search = createSearchService({
    registry,
    store,
    persistDelayMs: 5,
    schedule: (task) => {
      flushes.count += 1;
      const id = setTimeout(task, 0);
      return () => {
        clearTimeout(id);
      };
    },
  });
  cleanups.push(() => {
    search.destroy();
    registry.destroy();
  });
  return { store, registry, search, storage, flushes };
}

/** A fresh person per test: fake-indexeddb is shared by the whole file. */
function person(name: string): string {
  seq += 1;
  return `${name}-${String(seq)}`;
}

function paragraph(value: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(value)]);
  return p;
}

function write(doc: Y.Doc, ...lines: string[]): void {
  noteBody(doc).push(lines.map(paragraph));
}

function ids(search: SearchService, query: string): string[] {
  return search.search(query).map((hit) => `${hit.spaceId}/${hit.docId}`);
}

async function openLoaded(registry: DocRegistry, store: AppStore, spaceId: string, docId: string) {
  const handle = registry.open({ spaceId, docId });
  const release = registry.retain(handle);
  await vi.waitFor(() => {
    expect(store.getState().rooms[handle.key]?.localLoaded).toBe(true);
  });
  return { handle, release };
}

describe('search service', () => {
  it('indexes a note as it changes, in one batch per burst of edits', async () => {
    const owner = person('ada');
    const { registry, store, search, flushes } = setup(owner);
    await search.setOwner(owner);
    expect(search.ready()).toBe(true);
    const { handle } = await openLoaded(registry, store, 'team', 'plan');
    const before = flushes.count;
    for (const word of ['Quarterly', 'budget', 'review', 'with', 'finance'])
      write(handle.doc, word);
    await vi.waitFor(() => {
      expect(ids(search, 'budg')).toEqual(['team/plan']);
    });
    expect(flushes.count - before).toBe(1);
    const [hit] = search.search('finance');
    expect(hit?.title).toBe('Quarterly');
    expect(hit?.snippet.text).toContain('finance');
    const range = hit?.snippet.ranges[0];
    expect(range && hit.snippet.text.slice(range[0], range[1])).toBe('finance');
  });

  it('prefers the page title of the space index, follows renames, and drops archived pages', async () => {
    const owner = person('ada');
    const { registry, store, search, storage } = setup(owner);
    await search.setOwner(owner);
    const index = await openLoaded(registry, store, 'team', 'index');
    const tree = openSpaceIndex(index.handle.doc, { userId: 'ada' });
    tree.create({ id: 'plan', title: 'Roadmap', kind: 'note', parentId: null });
    tree.create({ id: 'empty', title: 'Empty page', kind: 'note', parentId: null });
    const note = await openLoaded(registry, store, 'team', 'plan');
    write(note.handle.doc, 'First line here', 'Shipping the offline mode');
    await vi.waitFor(() => {
      expect(search.search('shipping')[0]?.title).toBe('Roadmap');
    });
    // The first line is still found, as text; a page never written to is found by title.
    expect(ids(search, 'first line')).toEqual(['team/plan']);
    expect(ids(search, 'empty page')).toEqual(['team/empty']);

    tree.rename('plan', 'Roadmap 2026');
    await vi.waitFor(() => {
      expect(search.search('shipping')[0]?.title).toBe('Roadmap 2026');
    });

    // Archive, with the note closed: gone from results; restore reads it back locally.
    note.release();
    await search.flush();
    search.destroy();
    registry.destroy();
    const again = setup(owner, storage);
    await again.search.setOwner(owner);
    expect(ids(again.search, 'shipping')).toEqual(['team/plan']);
    const reopened = await openLoaded(again.registry, again.store, 'team', 'index');
    const tree2 = openSpaceIndex(reopened.handle.doc, { userId: 'ada' });
    tree2.archive('plan');
    await vi.waitFor(() => {
      expect(ids(again.search, 'shipping')).toEqual([]);
    });
    tree2.restore('plan');
    await vi.waitFor(() => {
      expect(ids(again.search, 'shipping')).toEqual(['team/plan']);
    });
  });

  it('keeps an edit made just before the note closes', async () => {
    const owner = person('ada');
    const { registry, store, search } = setup(owner);
    await search.setOwner(owner);
    const { handle } = await openLoaded(registry, store, 'ops', 'oncall');
    write(handle.doc, 'Pager rotation');
    registry.destroy(); // closes the doc before the batch ran
    await search.flush();
    expect(ids(search, 'pager')).toEqual(['ops/oncall']);
  });

  it('persists the index per person: a cold start searches before any note is read', async () => {
    const owner = person('ada');
    const first = setup(owner);
    await first.search.setOwner(owner);
    const { handle } = await openLoaded(first.registry, first.store, 'team', 'plan');
    write(handle.doc, 'Hiring plan', 'Two engineers in spring');
    await vi.waitFor(() => {
      expect(ids(first.search, 'engineers')).toEqual(['team/plan']);
    });
    await first.search.flush();

    // A registry that has nothing stored and cannot read: only the snapshot can answer.
    const store = createAppStore();
    const readLocal = vi.fn(() => Promise.reject(new Error('no local store')));
    const cold = createSearchService({
      registry: {
        observeDocs: () => () => undefined,
        knownRooms: () => [],
        knownStateVector: () => null,
        readLocal,
      },
      store,
    });
    cleanups.push(() => {
      cold.destroy();
    });
    expect(cold.search('engineers')).toEqual([]);
    await cold.setOwner(owner);
    expect(cold.search('engineers').map((h) => h.title)).toEqual(['Hiring plan']);
    expect(readLocal).not.toHaveBeenCalled();

    // Another person on the same machine sees none of it.
    await cold.setOwner(person('grace'));
    expect(cold.search('engineers')).toEqual([]);
  });

  it('rebuilds from the local store when the snapshot is unreadable', async () => {
    const owner = person('ada');
    const first = setup(owner);
    await first.search.setOwner(owner);
    const { handle, release } = await openLoaded(first.registry, first.store, 'team', 'plan');
    write(handle.doc, 'Vendor contracts');
    release();
    first.search.destroy();
    first.registry.destroy();
    await openSnapshotStore(owner).save('{"version":1,"index":{"broken":true}}');

    const second = setup(owner, first.storage);
    await second.search.setOwner(owner);
    await second.search.flush();
    expect(ids(second.search, 'vendor')).toEqual(['team/plan']);
  });

  it('searches only the spaces the person is in, and forgets a space they left', async () => {
    const owner = person('ada');
    const { registry, store, search } = setup(owner);
    await search.setOwner(owner);
    const a = await openLoaded(registry, store, 'team', 'plan');
    const b = await openLoaded(registry, store, 'ops', 'oncall');
    write(a.handle.doc, 'Shared budget');
    write(b.handle.doc, 'Ops budget');
    await vi.waitFor(() => {
      expect(ids(search, 'budget').sort()).toEqual(['ops/oncall', 'team/plan']);
    });
    store.getState().patchSpaces({
      items: [{ id: 'team', name: 'Team', role: 'owner' }],
    });
    expect(ids(search, 'budget')).toEqual(['team/plan']);
  });

  it('keeps no text of online-only spaces, in memory or on disk, and indexes none later', async () => {
    const owner = person('ada');
    const { registry, store, search } = setup(owner);
    await search.setOwner(owner);
    const a = await openLoaded(registry, store, 'team', 'plan');
    const b = await openLoaded(registry, store, 'ops', 'oncall');
    write(a.handle.doc, 'Shared budget');
    write(b.handle.doc, 'Secret budget');
    await vi.waitFor(() => {
      expect(ids(search, 'budget').sort()).toEqual(['ops/oncall', 'team/plan']);
    });
    await search.flush();
    expect(await openSnapshotStore(owner).load()).toContain('Secret budget');

    search.setOnlineOnly(['ops']);
    expect(ids(search, 'budget')).toEqual(['team/plan']);
    write(b.handle.doc, 'Merger codename');
    write(a.handle.doc, 'Offsite agenda');
    await vi.waitFor(() => {
      expect(ids(search, 'offsite')).toEqual(['team/plan']);
    });
    expect(ids(search, 'merger')).toEqual([]);
    await search.flush();
    const saved = (await openSnapshotStore(owner).load()) ?? '';
    expect(saved).toContain('Offsite agenda');
    expect(saved).not.toContain('Secret');
    expect(saved).not.toContain('Merger');
  });

  it('wipes the index on sign-out', async () => {
    const owner = person('ada');
    const { registry, store, search } = setup(owner);
    await search.setOwner(owner);
    const { handle } = await openLoaded(registry, store, 'team', 'plan');
    write(handle.doc, 'Salary bands');
    await vi.waitFor(() => {
      expect(ids(search, 'salary')).toEqual(['team/plan']);
    });
    await search.flush();
    expect(await openSnapshotStore(owner).load()).toContain('Salary bands');
    await search.signOut();
    expect(search.ready()).toBe(false);
    expect(search.search('salary')).toEqual([]);
    expect(await openSnapshotStore(owner).load()).toBeNull();
  });
});
