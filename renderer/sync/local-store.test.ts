import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createAppStore, selectCanEdit, selectRoom } from '../store/index.ts';
import { memoryStore } from '../auth/index.ts';
import { createDocRegistry, noteBody, type DocRegistry } from './index.ts';
import { localDbName } from './local-store.ts';
import { StandInRelaySocket } from './test-socket.ts';

// Real y-indexeddb over fake-indexeddb; the relay's end is the named
// stand-in socket (no relay runs in the DOM test environment).

const room = { spaceId: 'team', docId: 'plan' };
const registries: DocRegistry[] = [];

beforeEach(() => {
  StandInRelaySocket.reset();
});
afterEach(() => {
  for (const r of registries.splice(0)) r.destroy();
});

function setup(owner: string, storage = memoryStore(), connect = true) {
  const store = createAppStore();
  const registry = createDocRegistry({
    relayUrl: 'ws://relay.test',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect,
    localStore: { owner, storage },
    WebSocketPolyfill: StandInRelaySocket as unknown as typeof WebSocket,
  });
  registries.push(registry);
  return { store, registry, storage };
}

function text(doc: Y.Doc): string {
  return noteBody(doc).toJSON();
}

function paragraph(value: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(value)]);
  return p;
}

async function accepted(count: number) {
  await expect.poll(() => StandInRelaySocket.sockets.length).toBeGreaterThanOrEqual(count);
  const socket = StandInRelaySocket.sockets[count - 1];
  socket?.accept();
  return socket;
}

describe('local store', () => {
  it('names one database per person and room, so people never share', () => {
    expect(localDbName('emp-1', 'team/plan')).toBe('commonplace/emp-1/team/plan');
    expect(localDbName('a/b', 'x/y')).toBe('commonplace/a%2Fb/x/y');
    expect(localDbName('a/b', 'x/y')).not.toBe(localDbName('a', 'b/x/y'));
  });

  it('keeps an edit across a reload, and lets a synced note be edited offline at once', async () => {
    const first = setup('emp-1');
    const handle = first.registry.open(room);
    const release = first.registry.retain(handle);
    expect(selectCanEdit(handle.key)(first.store.getState())).toBe(false);
    await accepted(1);
    await expect.poll(() => selectCanEdit(handle.key)(first.store.getState())).toBe(true);
    noteBody(handle.doc).insert(0, [paragraph('written before the reload')]);
    release();
    first.registry.destroy();

    // "Reload" with the relay unreachable: no socket is ever accepted.
    const second = setup('emp-1', first.storage);
    const again = second.registry.open(room);
    second.registry.retain(again);
    await expect.poll(() => selectRoom(again.key)(second.store.getState()).localLoaded).toBe(true);
    expect(text(again.doc)).toContain('written before the reload');
    expect(selectRoom(again.key)(second.store.getState()).firstSyncDone).toBe(false);
    expect(selectCanEdit(again.key)(second.store.getState())).toBe(true);
  });

  it('keeps a never-synced, empty note read-only until the relay has answered', async () => {
    const { store, registry } = setup('emp-1');
    const handle = registry.open({ spaceId: 'team', docId: 'never-synced' });
    registry.retain(handle);
    await expect.poll(() => selectRoom(handle.key)(store.getState()).localLoaded).toBe(true);
    expect(selectRoom(handle.key)(store.getState()).knownLocally).toBe(false);
    expect(selectCanEdit(handle.key)(store.getState())).toBe(false);
  });

  it('lets a note created here be edited at once, offline', async () => {
    const { store, registry } = setup('emp-1', memoryStore(), false);
    const handle = registry.open({ spaceId: 'team', docId: 'fresh' }, { created: true });
    registry.retain(handle);
    await expect.poll(() => selectCanEdit(handle.key)(store.getState())).toBe(true);
  });

  it('does not show one person’s notes to another on the same machine', async () => {
    const ada = setup('emp-1');
    const h = ada.registry.open(room);
    ada.registry.retain(h);
    await accepted(1);
    await expect.poll(() => selectCanEdit(h.key)(ada.store.getState())).toBe(true);
    noteBody(h.doc).insert(0, [paragraph('Ada’s private draft')]);
    ada.registry.destroy();

    const grace = setup('emp-2', ada.storage, false);
    const g = grace.registry.open(room);
    grace.registry.retain(g);
    await expect.poll(() => selectRoom(g.key)(grace.store.getState()).localLoaded).toBe(true);
    expect(text(g.doc)).toBe('');
    expect(selectRoom(g.key)(grace.store.getState()).knownLocally).toBe(false);
  });

  it('writes each local edit to IndexedDB on its own (y-indexeddb appends every update)', async () => {
    const { registry } = setup('emp-1', memoryStore(), false);
    const handle = registry.open({ spaceId: 'team', docId: 'raw' }, { created: true });
    registry.retain(handle);
    await expect.poll(() => handle.doc.share.size >= 0).toBe(true);
    noteBody(handle.doc).insert(0, [paragraph('one keystroke')]);
    // Read the database with a separate, raw y-indexeddb instance, while the
    // registry still has the doc open (no close, no flush).
    await expect
      .poll(async () => {
        const copy = new Y.Doc();
        const raw = new IndexeddbPersistence(localDbName('emp-1', 'team/raw'), copy);
        await raw.whenSynced;
        await raw.destroy();
        return text(copy);
      })
      .toContain('one keystroke');
  });
});
