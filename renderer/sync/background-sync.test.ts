import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memoryStore } from '../auth/index.ts';
import { createAppStore } from '../store/index.ts';
import { createBackgroundSync, markerOf } from './background-sync.ts';
import { createDocRegistry, noteBody, type DocRegistry } from './index.ts';
import { StandInRelaySocket } from './test-socket.ts';
import { toBase64 } from 'lib0/buffer';
import { openSpaceIndex } from '../../shared/space-index/index.ts';
import { knownDocsKey } from './known-docs.ts';
import { localDbName, openLocalStore } from './local-store.ts';

let registry: DocRegistry | null = null;
afterEach(() => {
  registry?.destroy();
  StandInRelaySocket.reset();
});

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
}

describe('background sync from change markers', () => {
  it('syncs only changed notes and reports who changed them while offline', async () => {
    StandInRelaySocket.reset();
    StandInRelaySocket.autoAccept = true;
    const remote = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Grace’s agenda')]);
    noteBody(remote).insert(0, [p]);
    StandInRelaySocket.docs.set('s1/agenda', remote);
    const store = createAppStore();
    store.getState().patchSpaces({ items: [{ id: 's1', name: 'Team', role: 'editor' }] });
    registry = createDocRegistry({
      relayUrl: 'ws://relay.test',
      store,
      user: { name: 'Ada', color: '#e5484d' },
      localStore: { owner: 'bg-ada', storage: memoryStore() },
      WebSocketPolyfill: StandInRelaySocket as unknown as typeof WebSocket,
      backgroundIdleMs: 10,
    });
    const requested: string[] = [];
    const sync = createBackgroundSync({
      registry,
      store,
      relayUrl: 'ws://relay.test',
      me: 'ada',
      accessToken: () => Promise.resolve({ accessToken: 't', expiresAt: 1 }),
      titleOf: (room) => (room.docId === 'agenda' ? 'Weekly agenda' : null),
      now: () => 1_000,
      fetch: (url) => {
        const path = new URL(url instanceof URL ? url.href : (url as string)).pathname;
        requested.push(path);
        if (path === '/api/directory') {
          return Promise.resolve(json({ people: [{ id: 'grace', name: 'Grace Hopper' }] }));
        }
        return Promise.resolve(
          json({
            docs: [
              markerOf('agenda', remote, 'grace', 2_000),
              markerOf('empty', new Y.Doc(), null, 0),
            ],
          }),
        );
      },
    });
    sync.wentOffline();
    await sync.runNow();
    sync.stop();
    expect(requested).toEqual(['/api/spaces/s1/docs', '/api/directory']);
    expect(store.getState().offlineReport).toEqual([
      { roomKey: 's1/agenda', title: 'Weekly agenda', by: ['Grace Hopper'] },
    ]);
    // Only the changed note was synced, in the background, into the local store.
    await expect
      .poll(() => registry?.knownStateVector({ spaceId: 's1', docId: 'agenda' }) ?? null)
      .not.toBeNull();
    expect(StandInRelaySocket.sockets.map((s) => s.room)).toEqual(['s1/agenda']);
    const copy = await registry.readLocal({ spaceId: 's1', docId: 'agenda' });
    expect(noteBody(copy).toJSON()).toContain('Grace’s agenda');
  });
});

describe('local copies of notes purged on the relay', () => {
  it('deletes a note the relay and the page tree no longer have, and keeps the others', async () => {
    StandInRelaySocket.reset();
    StandInRelaySocket.autoAccept = true;
    const owner = 'purge-ada';
    const storage = memoryStore();
    const vector = toBase64(Y.encodeStateVector(new Y.Doc()));
    storage.setItem(
      knownDocsKey(owner),
      JSON.stringify({
        's1/gone': { sv: vector, dirty: false },
        's1/kept': { sv: vector, dirty: false },
        's1/fresh': { sv: vector, dirty: false },
        's1/index': { sv: vector, dirty: false },
      }),
    );
    // This machine's copies: three notes and the space index, where only
    // `fresh` (made here, not yet sent) is still a page.
    const index = new Y.Doc();
    openSpaceIndex(index, { userId: 'ada' }).create({
      id: 'fresh',
      title: 'New here',
      kind: 'note',
      parentId: null,
    });
    for (const [docId, doc] of [
      ['gone', new Y.Doc()],
      ['kept', new Y.Doc()],
      ['fresh', new Y.Doc()],
      ['index', index],
    ] as const) {
      if (docId !== 'index') doc.getText('t').insert(0, docId);
      const local = openLocalStore(localDbName(owner, `s1/${docId}`), doc);
      await local.loaded;
      await local.destroy();
    }
    StandInRelaySocket.docs.set('s1/index', index);
    const store = createAppStore();
    store.getState().patchSpaces({ items: [{ id: 's1', name: 'Team', role: 'editor' }] });
    registry = createDocRegistry({
      relayUrl: 'ws://relay.test',
      store,
      user: { name: 'Ada', color: '#e5484d' },
      localStore: { owner, storage },
      WebSocketPolyfill: StandInRelaySocket as unknown as typeof WebSocket,
      backgroundIdleMs: 10,
    });
    const sync = createBackgroundSync({
      registry,
      store,
      relayUrl: 'ws://relay.test',
      me: 'ada',
      accessToken: () => Promise.resolve({ accessToken: 't', expiresAt: 1 }),
      fetch: () =>
        Promise.resolve(
          json({
            docs: [markerOf('index', index, 'ada', 1), markerOf('kept', new Y.Doc(), null, 1)],
          }),
        ),
    });
    await sync.runNow();
    sync.stop();
    const names = async () => (await indexedDB.databases()).map((d) => d.name ?? '');
    await expect.poll(names).not.toContain(localDbName(owner, 's1/gone'));
    expect(await names()).toEqual(
      expect.arrayContaining([
        localDbName(owner, 's1/kept'),
        localDbName(owner, 's1/fresh'),
        localDbName(owner, 's1/index'),
      ]),
    );
    expect(registry.knownRooms()).not.toContain('s1/gone');
    expect(registry.knownRooms()).toContain('s1/fresh');
  });
});

describe('local copies the page tree cannot vouch for yet', () => {
  const owner = 'purge-grace';

  /** This machine knows `s1/plan` (stored, synced) and, when given, a copy of the space index. */
  async function seed(storage: ReturnType<typeof memoryStore>, localIndex: Y.Doc | null) {
    const vector = toBase64(Y.encodeStateVector(new Y.Doc()));
    storage.setItem(
      knownDocsKey(owner),
      JSON.stringify({ 's1/plan': { sv: vector, dirty: false } }),
    );
    const plan = new Y.Doc();
    plan.getText('t').insert(0, 'plan');
    for (const [docId, doc] of [
      ['plan', plan],
      ...(localIndex ? [['index', localIndex] as const] : []),
    ] as const) {
      const local = openLocalStore(localDbName(owner, `s1/${docId}`), doc);
      await local.loaded;
      await local.destroy();
    }
  }

  function start(storage: ReturnType<typeof memoryStore>, relayIndex: Y.Doc) {
    const store = createAppStore();
    store.getState().patchSpaces({ items: [{ id: 's1', name: 'Rocket', role: 'editor' }] });
    const reg = createDocRegistry({
      relayUrl: 'ws://relay.test',
      store,
      user: { name: 'Grace', color: '#e5484d' },
      localStore: { owner, storage },
      // No relay answers: the index never syncs here during the test.
      WebSocketPolyfill: StandInRelaySocket as unknown as typeof WebSocket,
      idleMs: 10,
    });
    registry = reg;
    // `plan` is no marker: nobody has written into it, so the relay stores nothing for it.
    const sync = createBackgroundSync({
      registry: reg,
      store,
      relayUrl: 'ws://relay.test',
      me: 'grace',
      accessToken: () => Promise.resolve({ accessToken: 't', expiresAt: 1 }),
      fetch: () => Promise.resolve(json({ docs: [markerOf('index', relayIndex, 'ada', 1)] })),
    });
    return { store, reg, sync };
  }

  it('keeps the notes of a space whose page tree has not synced here yet', async () => {
    StandInRelaySocket.reset();
    const storage = memoryStore();
    await seed(storage, null);
    const relayIndex = new Y.Doc();
    openSpaceIndex(relayIndex, { userId: 'ada' }).create({
      id: 'plan',
      title: 'Launch plan',
      kind: 'note',
      parentId: null,
    });
    // Not open here now: the rule about open notes below is not what keeps it.
    const { reg, sync } = start(storage, relayIndex);
    await sync.runNow();
    sync.stop();
    expect(reg.knownRooms()).toContain('s1/plan');
    const copy = await reg.readLocal({ spaceId: 's1', docId: 'plan' });
    expect(copy.getText('t').toJSON()).toBe('plan');
  });

  it('never closes a note open in an editor; deletes it once closed', async () => {
    StandInRelaySocket.reset();
    const storage = memoryStore();
    // The relay's tree, fully known here, no longer has `plan`: it was purged.
    const index = new Y.Doc();
    openSpaceIndex(index, { userId: 'ada' }).create({
      id: 'other',
      title: 'Other',
      kind: 'note',
      parentId: null,
    });
    await seed(storage, index);
    const { store, reg, sync } = start(storage, index);
    const release = reg.retain(reg.open({ spaceId: 's1', docId: 'plan' }));
    await expect.poll(() => store.getState().rooms['s1/plan']?.localLoaded).toBe(true);
    await sync.runNow();
    expect(store.getState().rooms['s1/plan']?.localLoaded).toBe(true);
    expect(reg.knownRooms()).toContain('s1/plan');
    release();
    await expect.poll(() => store.getState().rooms['s1/plan']).toBeUndefined();
    await sync.runNow();
    sync.stop();
    expect(reg.knownRooms()).not.toContain('s1/plan');
  });
});
