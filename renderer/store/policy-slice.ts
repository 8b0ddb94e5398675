import type { StateCreator } from 'zustand';

/**
 * The acceptable-use policy as the workspace sees it: whether this person
 * must accept the current version before editing (the relay refuses their
 * edits until then), and whether its dialog is open. The relay is the judge;
 * this only explains early and turns the notes read-only.
 */
export interface PolicyState {
  readonly mustAccept: boolean;
  /** The dialog with the policy text is showing. */
  readonly dialogOpen: boolean;
}

export interface PolicySlice {
  readonly policy: PolicyState;
  readonly patchPolicy: (patch: Partial<PolicyState>) => void;
}

export const createPolicySlice: StateCreator<PolicySlice, [], [], PolicySlice> = (set) => ({
  policy: { mustAccept: false, dialogOpen: false },
  patchPolicy: (patch) => {
    set((state) => ({ policy: { ...state.policy, ...patch } }));
  },
});
