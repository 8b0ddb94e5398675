import { createStore, type StoreApi } from 'zustand/vanilla';
import { createGraceSlice, type GraceSlice } from './grace-slice.ts';
import { createPolicySlice, type PolicySlice } from './policy-slice.ts';
import { createRoomStatusSlice, type RoomStatusSlice } from './room-status-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';
import { createSpacesSlice, type SpacesSlice } from './spaces-slice.ts';
import { createSyncSlice, type SyncSlice } from './sync-slice.ts';

/**
 * The renderer's UI state, composed of slices (zustand's slices pattern):
 * rooms (derived sync status), the session, the spaces list, the sync
 * status across all documents. Documents stay
 * in the sync layer.
 */
export type AppState = RoomStatusSlice &
  SessionSlice &
  SpacesSlice &
  SyncSlice &
  GraceSlice &
  PolicySlice;

export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createRoomStatusSlice(...a),
    ...createSessionSlice(...a),
    ...createSpacesSlice(...a),
    ...createSyncSlice(...a),
    ...createGraceSlice(...a),
    ...createPolicySlice(...a),
  }));
}
