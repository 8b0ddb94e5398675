import type { AppState } from './app-store.ts';
import {
  INITIAL_ROOM_STATUS,
  type Connection,
  type Peer,
  type RoomStatus,
} from './room-status-slice.ts';

// Selectors return values already held in the store (or frozen constants), so
// a component re-renders only when its own slice of state changes.

export const selectRoom =
  (key: string) =>
  (state: AppState): RoomStatus =>
    state.rooms[key] ?? INITIAL_ROOM_STATUS;

export const selectConnection =
  (key: string) =>
  (state: AppState): Connection =>
    selectRoom(key)(state).connection;

export const selectPeers =
  (key: string) =>
  (state: AppState): readonly Peer[] =>
    selectRoom(key)(state).peers;

/**
 * Whether the note may be edited. Only after the first completed sync with the
 * relay, so that an empty local doc can never be typed into and then merged
 * over the real one (issue 2, point 4). Issue 3 adds the viewer role here.
 */
export const selectCanEdit =
  (key: string) =>
  (state: AppState): boolean =>
    selectRoom(key)(state).firstSyncDone;
