import type { MySpace } from '../../shared/api.ts';
import type { Principal } from '../../shared/auth.ts';
import { parseRoomName } from '../../shared/wire.ts';
import type { AppState } from './app-store.ts';
import { graceExpiredMessage, policyMessage, readOnlyReason } from './read-only.ts';
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

/** Why the note is read-only for this person (grace period over, policy not accepted, viewer role, relay refusal), or null. */
export const selectReadOnlyReason =
  (key: string) =>
  (state: AppState): string | null => {
    if (state.grace.expired) return graceExpiredMessage();
    if (state.policy.mustAccept) return policyMessage();
    const room = parseRoomName(key);
    const role = room ? selectSpace(room.spaceId)(state)?.role : undefined;
    return readOnlyReason(role, selectRoom(key)(state).permissionDenied);
  };

/**
 * Whether the note may be edited: once the local store has loaded, and only
 * after the first completed sync with the relay unless the local store
 * already holds a synced copy (or the note was created here), so that an
 * empty local doc can never be typed into and then merged over the real one
 *; never for a viewer;
 * never once the relay has refused the room.
 */
export const selectCanEdit =
  (key: string) =>
  (state: AppState): boolean => {
    const room = selectRoom(key)(state);
    return (
      room.localLoaded &&
      (room.firstSyncDone || room.knownLocally) &&
      room.closed === null &&
      selectReadOnlyReason(key)(state) === null
    );
  };

/** The signed-in person, or null. */
export const selectProfile = (state: AppState): Principal | null =>
  state.session?.status === 'signed-in' ? state.session.profile : null;

/** What the top bar's sync status shows. */
export interface SyncSummary {
  readonly state: 'online' | 'offline' | 'syncing';
  /** Local changes the relay has not stored; null while unknown (never a guessed zero). */
  readonly pending: number | null;
}

/** Sum of the per-room counts; null when any room's count is unknown. */
export const selectPendingTotal = (state: AppState): number | null => {
  let total = 0;
  for (const count of Object.values(state.pending)) {
    if (count === null) return null;
    total += count;
  }
  return total;
};

/**
 * How many notes hold changes the relay has not confirmed: people think in
 * notes, not in the keystroke-sized updates `pending` counts. A note whose
 * count is unknown (null) is counted, since it may hold some.
 */
export const selectPendingNotes = (state: AppState): number =>
  Object.values(state.pending).filter((count) => count !== 0).length;

/**
 * Offline when the network is gone or no open room reaches the relay;
 * syncing while a connected room has not finished its sync or changes are
 * not yet confirmed (or their number is unknown); online otherwise.
 */
export const selectSyncState = (state: AppState): SyncSummary['state'] => {
  const rooms = Object.values(state.rooms);
  const pending = selectPendingTotal(state);
  if (state.network === 'offline') return 'offline';
  const reachable = rooms.some((r) => r.connection === 'online');
  if (rooms.length > 0 && !reachable && rooms.some((r) => r.connection === 'offline')) {
    return 'offline';
  }
  if (pending !== 0 || rooms.some((r) => r.connection === 'online' && !r.synced)) return 'syncing';
  return 'online';
};
