import { useEffect, useId, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type { SlashMenuStore } from './slash-menu-store.ts';

/**
 * The slash menu: a listbox under the `/`. Focus stays in the editor (the
 * person keeps typing to filter), so the editor carries aria-expanded,
 * aria-controls and aria-activedescendant for screen readers. Positioned
 * through CSSOM (React's `style`), which a strict CSP allows.
 */
export function SlashMenu({ store, editor }: { store: SlashMenuStore; editor: Editor }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const id = useId();
  const optionId = (i: number) => `${id}-option-${String(i)}`;
  const open = state !== null;
  const active = state !== null && state.items.length > 0 ? optionId(state.selected) : null;

  useEffect(() => {
    const dom = editor.view.dom;
    dom.setAttribute('aria-expanded', String(open));
    if (open) dom.setAttribute('aria-controls', id);
    else dom.removeAttribute('aria-controls');
    if (active !== null) dom.setAttribute('aria-activedescendant', active);
    else dom.removeAttribute('aria-activedescendant');
  }, [editor, open, active, id]);

  if (state === null) return null;
  const position = state.anchor ? { left: state.anchor.left, top: state.anchor.bottom + 4 } : {};
  return (
    <div className="slash-menu" style={position}>
      {state.items.length === 0 ? (
        <p className="slash-menu__empty" role="status">
          No block matches “{state.query}”
        </p>
      ) : (
        <ul className="slash-menu__list" role="listbox" id={id} aria-label="Insert block">
          {state.items.map((item, i) => (
            <li
              key={item.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === state.selected}
              className="slash-menu__item"
              // Keep the editor's selection: choose on mousedown, not click.
              onMouseDown={(event) => {
                event.preventDefault();
                state.choose(item);
              }}
            >
              <span className="slash-menu__title">{item.title}</span>
              <span className="slash-menu__hint">{item.hint}</span>
              {item.shortcut !== '' && <kbd className="slash-menu__shortcut">{item.shortcut}</kbd>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
