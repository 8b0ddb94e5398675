import type { StateCreator } from 'zustand';
import { BUILT_IN_SETTINGS } from '../../shared/policy.ts';

/**
 * The offline grace period (renderer/features/grace): its length, and whether
 * it has run out. Then every note is read-only until a sign-in or token
 * refresh succeeds.
 */
export interface GraceState {
  readonly expired: boolean;
  /** The administrator's `offlineGraceDays`, for the explanation. */
  readonly days: number;
}

export interface GraceSlice {
  readonly grace: GraceState;
  readonly setGrace: (grace: GraceState) => void;
}

export const createGraceSlice: StateCreator<GraceSlice, [], [], GraceSlice> = (set) => ({
  grace: { expired: false, days: BUILT_IN_SETTINGS.offlineGraceDays },
  setGrace: (grace) => {
    set({ grace });
  },
});
