import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, selectRoom } from '../store/index.ts';
import { createDocRegistry, type DocRegistry } from './index.ts';

const room = { spaceId: 'demo', docId: 'welcome' };
let registry: DocRegistry | null = null;

// Real WebsocketProviders created with connect: false; the test drives them
// through their own API (the `synced` setter, awareness) instead of a relay.
function setup(idleMs = 20) {
  const store = createAppStore();
  registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
    idleMs,
  });
  return { store, registry };
}

afterEach(() => {
  registry?.destroy();
  registry = null;
});

describe('doc registry', () => {
  it('opens one Y.Doc and provider per room and announces the user', () => {
    const { registry, store } = setup();
    const a = registry.open(room);
    expect(registry.open({ ...room })).toBe(a);
    expect(a.key).toBe('demo/welcome');
    expect(a.provider.roomname).toBe('demo/welcome');
    expect(a.provider.awareness.getLocalState()).toMatchObject({ user: { name: 'Ada' } });
    expect(selectRoom(a.key)(store.getState()).peers).toEqual([
      { clientId: a.doc.clientID, name: 'Ada', color: '#e5484d', isSelf: true },
    ]);
  });

  it('pushes sync state into the store; the first sync unlocks editing for good', () => {
    const { registry, store } = setup();
    const h = registry.open(room);
    expect(selectRoom(h.key)(store.getState()).firstSyncDone).toBe(false);
    h.provider.synced = true;
    expect(selectRoom(h.key)(store.getState())).toMatchObject({
      synced: true,
      firstSyncDone: true,
    });
    h.provider.synced = false;
    expect(selectRoom(h.key)(store.getState())).toMatchObject({
      synced: false,
      firstSyncDone: true,
    });
  });

  it('maps provider events to the connection indicator', () => {
    const { registry, store } = setup();
    const h = registry.open(room);
    const connection = () => selectRoom(h.key)(store.getState()).connection;
    expect(connection()).toBe('connecting');
    h.provider.emit('connection-close', [null, h.provider]);
    expect(connection()).toBe('offline');
    h.provider.emit('status', [{ status: 'connecting' }]);
    expect(connection()).toBe('offline');
    h.provider.emit('status', [{ status: 'connected' }]);
    expect(connection()).toBe('online');
    h.provider.emit('closed', [{ code: 4403, reason: 'not a member' }, h.provider]);
    expect(selectRoom(h.key)(store.getState()).closed).toEqual({
      code: 4403,
      reason: 'not a member',
    });
  });

  it('updates the people present when awareness changes, and the user on setUser', () => {
    const { registry, store } = setup();
    const h = registry.open(room);
    registry.setUser({ name: 'Grace', color: '#0090ff' });
    expect(h.provider.awareness.getLocalState()).toMatchObject({ user: { name: 'Grace' } });
    expect(selectRoom(h.key)(store.getState()).peers.map((p) => p.name)).toEqual(['Grace']);
  });

  it('closes a document once nobody retains it, and keeps it while retained', () => {
    vi.useFakeTimers();
    try {
      const { registry, store } = setup(10);
      const h = registry.open(room);
      const release = registry.retain(h);
      vi.advanceTimersByTime(100);
      expect(registry.open(room)).toBe(h);
      release();
      release(); // idempotent
      vi.advanceTimersByTime(100);
      expect(store.getState().rooms[h.key]).toBeUndefined();
      expect(h.doc.isDestroyed).toBe(true);
      expect(registry.open(room)).not.toBe(h);
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes a document that was opened but never retained (a discarded render)', () => {
    vi.useFakeTimers();
    try {
      const { registry } = setup(10);
      const h = registry.open(room);
      vi.advanceTimersByTime(100);
      expect(h.doc.isDestroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses to retain a handle it does not own', () => {
    const { registry } = setup();
    const other = setup().registry;
    const h = other.open(room);
    expect(() => registry.retain(h)).toThrow(/not open/);
    other.destroy();
  });
});
