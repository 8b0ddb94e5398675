export { createAppStore, type AppState, type AppStore } from './app-store.ts';
export {
  INITIAL_ROOM_STATUS,
  type Connection,
  type Peer,
  type RoomStatus,
  type RoomStatusSlice,
} from './room-status-slice.ts';
export { type SessionSlice } from './session-slice.ts';
export { type GraceSlice, type GraceState } from './grace-slice.ts';
export { type PolicySlice, type PolicyState } from './policy-slice.ts';
export { INITIAL_SPACES, type SpacesSlice, type SpacesState } from './spaces-slice.ts';
export { graceExpiredMessage, policyMessage, viewerMessage, readOnlyReason } from './read-only.ts';
export {
  selectCanEdit,
  selectConnection,
  selectPendingTotal,
  selectPendingNotes,
  selectPeers,
  selectProfile,
  selectReadOnlyReason,
  selectRoom,
  selectSpace,
  selectSyncState,
  type SyncSummary,
} from './selectors.ts';
export {
  type Network,
  type OfflineChange,
  type RefusedEdits,
  type SyncSlice,
} from './sync-slice.ts';
export { loadCachedSpaces, persistSealedSpaces, persistSpaces } from './spaces-cache.ts';
