import type { MySpace } from '../../shared/api.ts';
import type { Principal } from '../../shared/auth.ts';
import { parseRoomName } from '../../shared/wire.ts';
import type { AppState } from './app-store.ts';
import { readOnlyReason } from './read-only.ts';
import {
  INITIAL_ROOM_STATUS,
  type Connection,
  type Peer,
  type RoomStatus,
} from './room-status-slice.ts';

// Selectors return values already held in the store (or frozen constants, or
// primitives), so a component re-renders only when its own state changes.

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

/** The caller's entry for a space in the spaces list, if loaded. */
export const selectSpace =
  (spaceId: string) =>
  (state: AppState): MySpace | undefined =>
    state.spaces.items.find((s) => s.id === spaceId);

/** Why the note is read-only for this person (viewer role, relay refusal), or null. */
export const selectReadOnlyReason =
  (key: string) =>
  (state: AppState): string | null => {
    const room = parseRoomName(key);
    const role = room ? selectSpace(room.spaceId)(state)?.role : undefined;
    return readOnlyReason(role, selectRoom(key)(state).permissionDenied);
  };

/**
 * Whether the note may be edited: only after the first completed sync with
 * the relay, so that an empty local doc can never be typed into and then
 * merged over the real one (issue 2, point 4); never for a viewer (issue 3
 * point 8); never once the relay has refused the room.
 */
export const selectCanEdit =
  (key: string) =>
  (state: AppState): boolean => {
    const room = selectRoom(key)(state);
    return room.firstSyncDone && room.closed === null && selectReadOnlyReason(key)(state) === null;
  };

/** The signed-in person, or null. */
export const selectProfile = (state: AppState): Principal | null =>
  state.session?.status === 'signed-in' ? state.session.profile : null;
