import {
  createSuggestionMenuStore,
  type SuggestionMenuState,
  type SuggestionMenuStore,
} from './suggestion-menu-store.ts';

/** A person offered after `@`: the mention node's `id` (directory sub) and `label` (name). */
export interface MentionItem {
  readonly id: string;
  readonly label: string;
  readonly email?: string | undefined;
}

/** What the mention menu shows; null while closed. */
export interface MentionMenuState extends SuggestionMenuState<MentionItem> {
  /** True while the directory has not answered for this query yet. */
  readonly loading: boolean;
  /** The directory could not be searched (shown instead of the list). */
  readonly error: string | null;
}

/** The `@` menu's state: people to mention (see SuggestionMenuStore). */
export type MentionMenuStore = SuggestionMenuStore<MentionItem, MentionMenuState>;

export function createMentionMenuStore(): MentionMenuStore {
  return createSuggestionMenuStore<MentionItem, MentionMenuState>();
}
