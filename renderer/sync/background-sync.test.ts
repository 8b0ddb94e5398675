import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memoryStore } from '../auth/index.ts';
import { createAppStore } from '../store/index.ts';
import { createBackgroundSync, markerOf } from './background-sync.ts';
import { createDocRegistry, noteBody, type DocRegistry } from './index.ts';
import { StandInRelaySocket } from './test-socket.ts';

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
