import { t } from '../../i18n/index.ts';
import { PluginKey } from '@tiptap/pm/state';
import { exitSuggestion, type SuggestionOptions, type SuggestionProps } from '@tiptap/suggestion';
import type { MentionNodeAttrs } from '@tiptap/extension-mention';
import type { Person } from '../../../shared/api.ts';
import type { MentionItem, MentionMenuStore } from './mention-menu-store.ts';

export const mentionMenuKey = new PluginKey('mentionMenu');

/** People offered at most, of the directory's answer. */
const MAX_ITEMS = 8;

/** Searches the people directory (`GET /api/directory?q=`). */
export type SearchPeople = (q: string) => Promise<Person[]>;

function toItem(person: Person): MentionItem {
  return { id: person.id, label: person.name ?? person.email ?? person.id, email: person.email };
}

/** Where the `@` menu's state goes, and where people come from. */
export interface MentionMenus {
  readonly store: MentionMenuStore;
  readonly searchPeople: SearchPeople;
}

/**
 * The `@` suggestion of the Mention node: people from the
 * directory, shown by the MentionMenu component through `store`. Arrows move,
 * Enter or Tab inserts, Escape closes. The directory's failure is shown in
 * the menu, not swallowed; the typed text stays as it is.
 */
export function mentionSuggestion({
  store,
  searchPeople,
}: MentionMenus): Omit<SuggestionOptions<MentionItem, MentionNodeAttrs>, 'editor'> {
  // Answers to older queries are dropped: only the latest request may fill the menu.
  let latest = 0;
  let lastError: string | null = null;
  const state = (props: SuggestionProps<MentionItem, MentionNodeAttrs>, loading: boolean) => {
    const rect = props.clientRect?.() ?? null;
    return {
      items: props.items,
      selected: 0,
      query: props.query,
      loading,
      error: lastError,
      anchor: rect === null ? null : { left: rect.left, bottom: rect.bottom },
      choose: (item: MentionItem) => {
        props.command({ id: item.id, label: item.label });
      },
    };
  };
  return {
    pluginKey: mentionMenuKey,
    char: '@',
    items: async ({ query }) => {
      const mine = (latest += 1);
      try {
        const people = await searchPeople(query.trim());
        if (mine === latest) lastError = null;
        return people.slice(0, MAX_ITEMS).map(toItem);
      } catch (e) {
        if (mine === latest) {
          lastError = t('mentions.couldNotSearch', {
            reason: e instanceof Error ? e.message : String(e),
          });
        }
        return [];
      }
    },
    render: () => ({
      onBeforeStart: (props) => {
        store.set(state(props, true));
      },
      onStart: (props) => {
        store.set(state(props, false));
      },
      onBeforeUpdate: (props) => {
        const current = store.get();
        if (current !== null) store.set({ ...current, query: props.query, loading: true });
      },
      onUpdate: (props) => {
        store.set(state(props, false));
      },
      onKeyDown: ({ event, view }) => {
        if (store.get() === null) return false;
        if (event.key === 'ArrowDown') store.move(1);
        else if (event.key === 'ArrowUp') store.move(-1);
        else if (event.key === 'Enter' || event.key === 'Tab') return store.chooseSelected();
        else if (event.key === 'Escape') exitSuggestion(view, mentionMenuKey);
        else return false;
        return true;
      },
      onExit: () => {
        store.set(null);
      },
    }),
  };
}
