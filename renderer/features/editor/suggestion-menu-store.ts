/** Where the trigger character (`/`, `@`) is on screen, in viewport coordinates. */
export interface SuggestionAnchor {
  readonly left: number;
  readonly bottom: number;
}

/** What a suggestion menu shows; the store holds null while it is closed. */
export interface SuggestionMenuState<T> {
  readonly items: readonly T[];
  readonly selected: number;
  readonly query: string;
  readonly anchor: SuggestionAnchor | null;
  /** Runs the item (replaces the typed `/query` or `@query` text). */
  readonly choose: (item: T) => void;
}

/**
 * A suggestion menu's state, outside React: the @tiptap/suggestion plugin
 * writes it, the menu component reads it through useSyncExternalStore. The
 * slash menu and the `@` menu are both one of these; `S` adds a menu's own
 * fields (the `@` menu's loading and error).
 */
export interface SuggestionMenuStore<T, S extends SuggestionMenuState<T> = SuggestionMenuState<T>> {
  readonly get: () => S | null;
  set(state: S | null): void;
  readonly subscribe: (listener: () => void) => () => void;
  /** Moves the highlight by `delta`, wrapping around. */
  move(delta: number): void;
  /** Runs the highlighted item; false when there is none. */
  chooseSelected(): boolean;
}

export function createSuggestionMenuStore<
  T,
  S extends SuggestionMenuState<T> = SuggestionMenuState<T>,
>(): SuggestionMenuStore<T, S> {
  let state: S | null = null;
  const listeners = new Set<() => void>();
  const set = (next: S | null) => {
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
