import type { BlockCommand } from './block-commands.ts';

/** What the slash menu shows; null while closed. */
export interface SlashMenuState {
  readonly items: readonly BlockCommand[];
  readonly selected: number;
  readonly query: string;
  /** Where the `/` is on screen (viewport coordinates). */
  readonly anchor: { readonly left: number; readonly bottom: number } | null;
  /** Runs the item (replaces the `/query` text with the block). */
  readonly choose: (item: BlockCommand) => void;
}

/**
 * The slash menu's state, outside React: the suggestion plugin writes it,
 * the SlashMenu component reads it through useSyncExternalStore.
 */
export interface SlashMenuStore {
  readonly get: () => SlashMenuState | null;
  set(state: SlashMenuState | null): void;
  readonly subscribe: (listener: () => void) => () => void;
  /** Moves the highlight by `delta`, wrapping around. */
  move(delta: number): void;
  /** Runs the highlighted item; false when there is none. */
  chooseSelected(): boolean;
}

export function createSlashMenuStore(): SlashMenuStore {
  let state: SlashMenuState | null = null;
  const listeners = new Set<() => void>();
  const set = (next: SlashMenuState | null) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    set,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    move(delta) {
      if (state === null || state.items.length === 0) return;
      const n = state.items.length;
      set({ ...state, selected: (((state.selected + delta) % n) + n) % n });
    },
    chooseSelected() {
      const item = state?.items[state.selected];
      if (state === null || item === undefined) return false;
      state.choose(item);
      return true;
    },
  };
}
