import { describe, expect, it } from 'vitest';
import {
  createAppStore,
  INITIAL_ROOM_STATUS,
  selectCanEdit,
  selectPeers,
  selectRoom,
} from './index.ts';

describe('room status slice', () => {
  it('starts a room as connecting, unsynced, not editable', () => {
    const store = createAppStore();
    expect(selectRoom('s/d')(store.getState())).toBe(INITIAL_ROOM_STATUS);
    expect(selectCanEdit('s/d')(store.getState())).toBe(false);
    expect(INITIAL_ROOM_STATUS.connection).toBe('connecting');
  });

  it('merges patches per room without touching other rooms', () => {
    const store = createAppStore();
    store.getState().patchRoom('s/a', { connection: 'online' });
    const b = selectRoom('s/b')(store.getState());
    store.getState().patchRoom('s/a', { synced: true });
    const a = selectRoom('s/a')(store.getState());
    expect(a.connection).toBe('online');
    expect(a.synced).toBe(true);
    expect(selectRoom('s/b')(store.getState())).toBe(b);
  });

  it('keeps firstSyncDone once set, so a later disconnect never locks the editor again', () => {
    const store = createAppStore();
    const { patchRoom } = store.getState();
    patchRoom('s/d', { synced: true, firstSyncDone: true, localLoaded: true });
    expect(selectCanEdit('s/d')(store.getState())).toBe(true);
    patchRoom('s/d', { synced: false, connection: 'offline' });
    patchRoom('s/d', { firstSyncDone: false });
    expect(selectRoom('s/d')(store.getState()).synced).toBe(false);
    expect(selectCanEdit('s/d')(store.getState())).toBe(true);
  });

  it('returns the same peers array until peers change (stable selector results)', () => {
    const store = createAppStore();
    const peers = [{ clientId: 1, name: 'Ada', color: '#e5484d', isSelf: true }];
    store.getState().patchRoom('s/d', { peers });
    const first = selectPeers('s/d')(store.getState());
    store.getState().patchRoom('s/d', { connection: 'online' });
    expect(selectPeers('s/d')(store.getState())).toBe(first);
    expect(first).toEqual(peers);
  });

  it('forgets a removed room', () => {
    const store = createAppStore();
    store.getState().patchRoom('s/d', { synced: true, firstSyncDone: true, localLoaded: true });
    store.getState().removeRoom('s/d');
    expect(store.getState().rooms).toEqual({});
    expect(selectCanEdit('s/d')(store.getState())).toBe(false);
  });
});
