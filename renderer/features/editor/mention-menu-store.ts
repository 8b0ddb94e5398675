/** A person offered after `@`: the mention node's `id` (directory sub) and `label` (name). */
export interface MentionItem {
  readonly id: string;
  readonly label: string;
  readonly email?: string | undefined;
}

/** What the mention menu shows; null while closed. */
export interface MentionMenuState {
  readonly items: readonly MentionItem[];
  readonly selected: number;
  readonly query: string;
  /** True while the directory has not answered for this query yet. */
  readonly loading: boolean;
  /** The directory could not be searched (shown instead of the list). */
  readonly error: string | null;
  /** Where the `@` is on screen (viewport coordinates). */
  readonly anchor: { readonly left: number; readonly bottom: number } | null;
  /** Inserts the person (replaces the `@query` text with a mention). */
  readonly choose: (item: MentionItem) => void;
}

/**
 * The `@` menu's state, outside React: the suggestion plugin writes it, the
 * MentionMenu component reads it through useSyncExternalStore (as the slash
 * menu does).
 */
export interface MentionMenuStore {
  readonly get: () => MentionMenuState | null;
  set(state: MentionMenuState | null): void;
  readonly subscribe: (listener: () => void) => () => void;
  /** Moves the highlight by `delta`, wrapping around. */
  move(delta: number): void;
  /** Inserts the highlighted person; false when there is none. */
  chooseSelected(): boolean;
}

export function createMentionMenuStore(): MentionMenuStore {
  let state: MentionMenuState | null = null;
  const listeners = new Set<() => void>();
  const set = (next: MentionMenuState | null) => {
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
