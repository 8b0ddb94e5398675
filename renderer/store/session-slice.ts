import type { StateCreator } from 'zustand';
import type { SessionState } from '../../shared/auth.ts';

/** The signed-in person (or why nobody is), pushed here from the Host. Never a token. */
export interface SessionSlice {
  /** Null until the host has answered. */
  readonly session: SessionState | null;
  readonly setSession: (session: SessionState) => void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  session: null,
  setSession: (session) => {
    set({ session });
  },
});
