import type { StateCreator } from 'zustand';
import type { MySpace } from '../../shared/api.ts';

/** The caller's spaces from `GET /api/spaces`, and the state of loading and creating them. */
export interface SpacesState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly items: readonly MySpace[];
  /** Why loading failed, fit to show. */
  readonly error: string | null;
  readonly creating: boolean;
  /** Why creating a space failed, fit to show. */
  readonly createError: string | null;
}

export const INITIAL_SPACES: SpacesState = Object.freeze({
  status: 'idle',
  items: Object.freeze([]),
  error: null,
  creating: false,
  createError: null,
});

export interface SpacesSlice {
  readonly spaces: SpacesState;
  readonly patchSpaces: (patch: Partial<SpacesState>) => void;
  /** Adds or replaces one space (after creating it), keeping the list sorted by name. */
  readonly upsertSpace: (space: MySpace) => void;
}

function byName(a: MySpace, b: MySpace): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

export const createSpacesSlice: StateCreator<SpacesSlice, [], [], SpacesSlice> = (set) => ({
  spaces: INITIAL_SPACES,
  patchSpaces: (patch) => {
    set((state) => ({
      spaces: {
        ...state.spaces,
        ...patch,
        ...(patch.items ? { items: [...patch.items].sort(byName) } : {}),
      },
    }));
  },
  upsertSpace: (space) => {
    set((state) => ({
      spaces: {
        ...state.spaces,
        items: [...state.spaces.items.filter((s) => s.id !== space.id), space].sort(byName),
      },
    }));
  },
});
