import type { BlockCommand } from './block-commands.ts';
import {
  createSuggestionMenuStore,
  type SuggestionMenuState,
  type SuggestionMenuStore,
} from './suggestion-menu-store.ts';

/** What the slash menu shows; null while closed. */
export type SlashMenuState = SuggestionMenuState<BlockCommand>;

/** The slash menu's state: blocks to insert (see SuggestionMenuStore). */
export type SlashMenuStore = SuggestionMenuStore<BlockCommand>;

export function createSlashMenuStore(): SlashMenuStore {
  return createSuggestionMenuStore<BlockCommand>();
}
