import type { Editor } from '@tiptap/core';
import type { BlockCommand } from './block-commands.ts';
import type { SlashMenuStore } from './slash-menu-store.ts';
import { SuggestionList } from './SuggestionList.tsx';
import { useT } from '../../i18n/index.ts';

/** The slash menu: the blocks matching what follows the `/` (see SuggestionList). */
export function SlashMenu({ store, editor }: { store: SlashMenuStore; editor: Editor }) {
  const t = useT();
  return (
    <SuggestionList
      store={store}
      editor={editor}
      className="slash-menu"
      label={t('blocks.menu')}
      keyOf={(item: BlockCommand) => item.id}
      renderItem={(item) => (
        <>
          <span className="slash-menu__title">{item.title}</span>
          <span className="slash-menu__hint">{item.hint}</span>
          {item.shortcut !== '' && <kbd className="slash-menu__shortcut">{item.shortcut}</kbd>}
        </>
      )}
      notice={(state) =>
        state.items.length === 0 ? (
          <p className="slash-menu__empty" role="status">
            {t('blocks.noMatch', { query: state.query })}
          </p>
        ) : null
      }
    />
  );
}
