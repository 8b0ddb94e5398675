import type { StateCreator } from 'zustand';

/** What the connection indicator shows. */
export type Connection = 'connecting' | 'online' | 'offline';

/** One person present in a room, as announced through awareness. */
export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly isSelf: boolean;
  /** Their id, when their client shares it (opens their profile). */
  readonly sub?: string;
}

/**
 * Derived status of one open document, pushed here by the sync layer
 * (renderer/sync). The Y.Doc itself never enters the store (handbook §1).
 */
export interface RoomStatus {
  readonly connection: Connection;
  /** In sync with the relay right now. */
  readonly synced: boolean;
  /**
   * The first sync with the relay has completed at least once. Monotonic: it
   * never goes back to false while the room is open, and it is what unlocks
   * the editor.
   */
  readonly firstSyncDone: boolean;
  readonly peers: readonly Peer[];
  /** Set when the relay closed the connection for good (4400–4499, shared/wire.ts). */
  readonly closed: { readonly code: number; readonly reason: string } | null;
  /**
   * The relay's y-protocols/auth "permission denied" reason (a viewer's edit
   * was dropped, shared/api.ts READ_ONLY_REASON), or null.
   */
  readonly permissionDenied: string | null;
  /**
   * The local store (IndexedDB) has been loaded into the doc. Nothing may be
   * typed before, or a stray edit could land in front of the stored note.
   */
  readonly localLoaded: boolean;
  /**
   * The local store holds a copy that synced with the relay before (or the
   * note was created here), so editing may start offline.
   */
  readonly knownLocally: boolean;
}

export const INITIAL_ROOM_STATUS: RoomStatus = Object.freeze({
  connection: 'connecting',
  synced: false,
  firstSyncDone: false,
  peers: Object.freeze([]),
  closed: null,
  permissionDenied: null,
  localLoaded: false,
  knownLocally: false,
});

export interface RoomStatusSlice {
  readonly rooms: Readonly<Record<string, RoomStatus>>;
  readonly patchRoom: (key: string, patch: Partial<RoomStatus>) => void;
  readonly removeRoom: (key: string) => void;
}

export const createRoomStatusSlice: StateCreator<RoomStatusSlice, [], [], RoomStatusSlice> = (
  set,
) => ({
  rooms: {},
  patchRoom: (key, patch) => {
    set((state) => {
      const prev = state.rooms[key] ?? INITIAL_ROOM_STATUS;
      const next: RoomStatus = {
        ...prev,
        ...patch,
        firstSyncDone: prev.firstSyncDone || patch.firstSyncDone === true,
      };
      return { rooms: { ...state.rooms, [key]: next } };
    });
  },
  removeRoom: (key) => {
    set((state) => {
      if (!Object.hasOwn(state.rooms, key)) return state;
      const rooms = { ...state.rooms };
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a copy keyed by room
      delete rooms[key];
      return { rooms };
    });
  },
});
