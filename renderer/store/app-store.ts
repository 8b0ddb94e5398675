import { createStore, type StoreApi } from 'zustand/vanilla';
import { createRoomStatusSlice, type RoomStatusSlice } from './room-status-slice.ts';

/**
 * The renderer's UI state, composed of slices (zustand's slices pattern).
 * Issues 3–5 add slices here (session, spaces, pending changes); documents
 * stay in the sync layer.
 */
export type AppState = RoomStatusSlice;

export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createRoomStatusSlice(...a),
  }));
}
