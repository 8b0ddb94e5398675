import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { CloseCode, MessageType } from '../../shared/wire.ts';
import { memoryStore } from '../auth/index.ts';
import { createAppStore, selectPendingTotal, selectSyncState } from '../store/index.ts';
import { createDocRegistry, noteBody, type DocRegistry } from './index.ts';
import { StandInRelaySocket } from './test-socket.ts';

// The registry's offline behaviour against the named stand-in relay socket
// (tests/test-socket.ts), with real y-indexeddb over fake-indexeddb.

const registries: DocRegistry[] = [];
let owner = 0;

beforeEach(() => {
  StandInRelaySocket.reset();
  owner += 1; // a fresh set of databases per test
});
afterEach(() => {
  for (const r of registries.splice(0)) r.destroy();
});

function setup(storage = memoryStore()) {
  const store = createAppStore();
  const registry = createDocRegistry({
    relayUrl: 'ws://relay.test',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    localStore: { owner: `emp-${owner}`, storage },
    WebSocketPolyfill: StandInRelaySocket as unknown as typeof WebSocket,
    backgroundIdleMs: 20,
    titleOf: (room) => (room.docId === 'plan' ? 'Launch plan' : null),
    backoff: { baseMs: 10, maxMs: 40 },
  });
  registries.push(registry);
  return { store, registry, storage };
}

function paragraph(value: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(value)]);
  return p;
}

const plan = { spaceId: 'team', docId: 'plan' };

describe('background sync', () => {
  it('syncs many notes through at most 16 sockets, opened notes included', async () => {
    StandInRelaySocket.autoAccept = true;
    const notes = Array.from({ length: 40 }, (_, i) => ({ spaceId: 'big', docId: `n${i}` }));
    for (const note of notes) {
      const doc = new Y.Doc();
      noteBody(doc).insert(0, [paragraph(`content of ${note.docId}`)]);
      StandInRelaySocket.docs.set(`big/${note.docId}`, doc);
    }
    const { registry } = setup();
    for (let i = 0; i < 3; i += 1) {
      registry.retain(registry.open({ spaceId: 'big', docId: `open${i}` }));
    }
    for (const note of notes) registry.syncInBackground(note);
    expect(registry.activeSockets().length).toBeLessThanOrEqual(16);
    await expect
      .poll(() => notes.filter((n) => registry.knownStateVector(n) !== null).length, {
        timeout: 20_000,
      })
      .toBe(40);
    // Background docs close once synced; the opened notes keep their sockets.
    await expect.poll(() => registry.activeSockets().length, { timeout: 10_000 }).toBe(3);
    expect(StandInRelaySocket.peakOpen).toBeLessThanOrEqual(16);
    expect(StandInRelaySocket.peakOpen).toBeGreaterThan(3);
    const copy = await registry.readLocal({ spaceId: 'big', docId: 'n39' });
    expect(noteBody(copy).toJSON()).toContain('content of n39');
  });
});

describe('pending changes', () => {
  it('counts an edit until the relay reports it stored, and survives a reload offline', async () => {
    StandInRelaySocket.autoAccept = true;
    const first = setup();
    const h = first.registry.open(plan);
    first.registry.retain(h);
    await expect.poll(() => first.store.getState().rooms[h.key]?.synced).toBe(true);
    noteBody(h.doc).insert(0, [paragraph('synced edit')]);
    expect(selectPendingTotal(first.store.getState())).toBe(1);
    await expect.poll(() => selectPendingTotal(first.store.getState())).toBe(0);
    expect(selectSyncState(first.store.getState())).toBe('online');

    // The relay goes away; an edit offline is pending.
    StandInRelaySocket.autoAccept = false;
    for (const s of StandInRelaySocket.live()) s.closeWith(1006);
    await expect.poll(() => selectSyncState(first.store.getState())).toBe('offline');
    noteBody(h.doc).insert(1, [paragraph('offline edit')]);
    noteBody(h.doc).insert(2, [paragraph('another')]);
    expect(selectPendingTotal(first.store.getState())).toBe(2);
    first.registry.destroy();

    // Reload while the relay is still down: the dirty note is reopened on its
    // own and counts the same two changes.
    const second = setup(first.storage);
    await expect.poll(() => second.store.getState().pending[h.key]).toBe(2);

    // The relay is back: the count reaches zero and the relay has the edits.
    StandInRelaySocket.autoAccept = true;
    second.registry.reconnectNow();
    for (const s of StandInRelaySocket.live()) if (s.readyState === 0) s.accept();
    await expect
      .poll(() => selectPendingTotal(second.store.getState()), { timeout: 5_000 })
      .toBe(0);
    expect(noteBody(StandInRelaySocket.docs.get('team/plan') ?? new Y.Doc()).toJSON()).toContain(
      'offline edit',
    );
  });

  it('says "unknown" (never zero) when the relay does not answer RelayState', async () => {
    StandInRelaySocket.autoAccept = true;
    StandInRelaySocket.answersRelayState = false;
    const { store, registry } = setup();
    const h = registry.open(plan);
    registry.retain(h);
    await expect.poll(() => store.getState().rooms[h.key]?.synced).toBe(true);
    noteBody(h.doc).insert(0, [paragraph('x')]);
    expect(selectPendingTotal(store.getState())).toBeNull();
    expect(selectSyncState(store.getState())).toBe('syncing');
  });
});

describe('refused edits', () => {
  it('keeps offline edits the relay refuses (removed from the space) and names the note', async () => {
    StandInRelaySocket.autoAccept = true;
    const { store, registry } = setup();
    const h = registry.open(plan);
    registry.retain(h);
    await expect.poll(() => store.getState().rooms[h.key]?.synced).toBe(true);
    StandInRelaySocket.autoAccept = false;
    for (const s of StandInRelaySocket.live()) s.closeWith(1006);
    noteBody(h.doc).insert(0, [paragraph('written on the train')]);
    const count = StandInRelaySocket.sockets.length;
    await expect.poll(() => StandInRelaySocket.sockets.length).toBeGreaterThan(count);
    StandInRelaySocket.sockets.at(-1)?.closeWith(CloseCode.Forbidden, 'not a member');
    await expect
      .poll(() => store.getState().refused)
      .toEqual([{ roomKey: 'team/plan', title: 'Launch plan', reason: 'not a member' }]);
    const copy = await registry.readLocal(plan);
    expect(noteBody(copy).toJSON()).toContain('written on the train');
    expect(store.getState().pending[h.key]).toBe(1);
  });

  it('reports edits dropped because the person became a viewer', async () => {
    StandInRelaySocket.autoAccept = true;
    const { store, registry } = setup();
    const h = registry.open(plan);
    registry.retain(h);
    await expect.poll(() => store.getState().rooms[h.key]?.synced).toBe(true);
    noteBody(h.doc).insert(0, [paragraph('dropped by the relay')]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Auth);
    authProtocol.writePermissionDenied(encoder, READ_ONLY_REASON);
    StandInRelaySocket.live()[0]?.onmessage?.({
      data: encoding.toUint8Array(encoder).slice().buffer,
    });
    expect(store.getState().refused[0]).toMatchObject({
      title: 'Launch plan',
      reason: 'you are now a viewer in this space',
    });
  });
});

describe('a relay older than RelayState', () => {
  it('closes on RelayState with 4400: we stop asking, reconnect, and keep the count unknown', async () => {
    StandInRelaySocket.autoAccept = true;
    StandInRelaySocket.answersRelayState = false;
    const { store, registry } = setup();
    const h = registry.open(plan);
    registry.retain(h);
    await expect.poll(() => store.getState().rooms[h.key]?.synced).toBe(true);
    noteBody(h.doc).insert(0, [paragraph('x')]);
    // The old relay's answer to the request: close 4400.
    await expect.poll(() => StandInRelaySocket.sockets.length).toBe(1);
    await expect.poll(() => StandInRelaySocket.relayStateRequests).toBeGreaterThan(0);
    StandInRelaySocket.sockets[0]?.closeWith(
      CloseCode.MalformedMessage,
      'unknown message type 100',
    );
    await expect.poll(() => StandInRelaySocket.sockets.length).toBe(2);
    await expect.poll(() => store.getState().rooms[h.key]?.synced).toBe(true);
    expect(store.getState().rooms[h.key]?.closed).toBeNull();
    expect(selectPendingTotal(store.getState())).toBeNull();
  });
});
