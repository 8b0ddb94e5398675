export { createAppStore, type AppState, type AppStore } from './app-store.ts';
export {
  INITIAL_ROOM_STATUS,
  type Connection,
  type Peer,
  type RoomStatus,
  type RoomStatusSlice,
} from './room-status-slice.ts';
export { selectCanEdit, selectConnection, selectPeers, selectRoom } from './selectors.ts';
