import type { StateCreator } from 'zustand';

/** Whether the browser (or the OS) says there is a network at all. */
export type Network = 'online' | 'offline';

/** A note whose offline edits the relay refused. */
export interface RefusedEdits {
  readonly roomKey: string;
  /** Shown in the banner: the note's title, or its id while the title is unknown. */
  readonly title: string;
  /** Why, in words (removed from the space, now a viewer). */
  readonly reason: string;
}

/** One line of the after-reconnect report. */
export interface OfflineChange {
  readonly roomKey: string;
  readonly title: string;
  /** Names (or ids when the directory does not know them) of who changed it. */
  readonly by: readonly string[];
}

/**
 * Sync status across every document, not only the open ones: the count of
 * local changes the relay has not stored outlives a note's editor (a closed
 * note can still hold unsynced edits).
 */
export interface SyncSlice {
  readonly network: Network;
  /** Per room: changes the relay has not confirmed; null while unknown. Rooms at 0 are dropped. */
  readonly pending: Readonly<Record<string, number | null>>;
  readonly refused: readonly RefusedEdits[];
  /** Null when there is nothing to report (or the person dismissed it). */
  readonly offlineReport: readonly OfflineChange[] | null;
  readonly setNetwork: (network: Network) => void;
  readonly setPending: (roomKey: string, count: number | null) => void;
  readonly addRefused: (entry: RefusedEdits) => void;
  readonly dismissRefused: (roomKey: string) => void;
  readonly setOfflineReport: (report: readonly OfflineChange[] | null) => void;
}

export const createSyncSlice: StateCreator<SyncSlice, [], [], SyncSlice> = (set) => ({
  network: 'online',
  pending: {},
  refused: [],
  offlineReport: null,
  setNetwork: (network) => {
    set((state) => (state.network === network ? state : { network }));
  },
  setPending: (roomKey, count) => {
    set((state) => {
      const had = Object.hasOwn(state.pending, roomKey);
      if (count === 0) {
        if (!had) return state;
        const pending = { ...state.pending };
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a copy keyed by room
        delete pending[roomKey];
        return { pending };
      }
      if (had && state.pending[roomKey] === count) return state;
      return { pending: { ...state.pending, [roomKey]: count } };
    });
  },
  addRefused: (entry) => {
    set((state) => ({
      refused: [...state.refused.filter((r) => r.roomKey !== entry.roomKey), entry],
    }));
  },
  dismissRefused: (roomKey) => {
    set((state) => ({ refused: state.refused.filter((r) => r.roomKey !== roomKey) }));
  },
  setOfflineReport: (offlineReport) => {
    set({
      offlineReport: offlineReport !== null && offlineReport.length === 0 ? null : offlineReport,
    });
  },
});
