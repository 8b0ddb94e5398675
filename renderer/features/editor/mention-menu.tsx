import type { Editor } from '@tiptap/core';
import type { MentionItem, MentionMenuStore } from './mention-menu-store.ts';
import { SuggestionList } from './SuggestionList.tsx';
import { useT } from '../../i18n/index.ts';

/**
 * The `@` menu: people from the directory under the `@` (see SuggestionList).
 * The directory's failure stands in for the list.
 */
export function MentionMenu({ store, editor }: { store: MentionMenuStore; editor: Editor }) {
  const t = useT();
  return (
    <SuggestionList
      store={store}
      editor={editor}
      className="slash-menu mention-menu"
      label={t('comments.mentionPerson')}
      keyOf={(item: MentionItem) => item.id}
      renderItem={(item) => (
        <>
          <span className="slash-menu__title">{item.label}</span>
          {item.email !== undefined && <span className="slash-menu__hint">{item.email}</span>}
        </>
      )}
      notice={(state) => {
        if (state.error !== null) {
          return (
            <p className="slash-menu__empty" role="alert">
              {state.error}
            </p>
          );
        }
        if (state.items.length > 0) return null;
        return (
          <p className="slash-menu__empty" role="status">
            {state.loading
              ? t('comments.searching')
              : t('mentions.noMatch', { query: state.query })}
          </p>
        );
      }}
    />
  );
}
