import { useEffect, useId, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type { MentionMenuStore } from './mention-menu-store.ts';

/**
 * The `@` menu: people from the directory in a listbox under the `@`. Focus
 * stays in the editor (typing filters), which carries aria-expanded,
 * aria-controls and aria-activedescendant; positioned through CSSOM.
 */
export function MentionMenu({ store, editor }: { store: MentionMenuStore; editor: Editor }) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const id = useId();
  const optionId = (i: number) => `${id}-person-${String(i)}`;
  const open = state !== null;
  const active = state !== null && state.items.length > 0 ? optionId(state.selected) : null;

  useEffect(() => {
    if (!open) return;
    const dom = editor.view.dom;
    dom.setAttribute('aria-expanded', 'true');
    dom.setAttribute('aria-controls', id);
    if (active !== null) dom.setAttribute('aria-activedescendant', active);
    return () => {
      dom.setAttribute('aria-expanded', 'false');
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    };
  }, [editor, open, active, id]);

  if (state === null) return null;
  const position = state.anchor ? { left: state.anchor.left, top: state.anchor.bottom + 4 } : {};
  let body;
  if (state.error !== null) {
    body = (
      <p className="slash-menu__empty" role="alert">
        {state.error}
      </p>
    );
  } else if (state.items.length === 0) {
    body = (
      <p className="slash-menu__empty" role="status">
        {state.loading ? 'Searching the directory…' : `Nobody matches “${state.query}”`}
      </p>
    );
  } else {
    body = (
      <ul className="slash-menu__list" role="listbox" id={id} aria-label="Mention a person">
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
            <span className="slash-menu__title">{item.label}</span>
            {item.email !== undefined && <span className="slash-menu__hint">{item.email}</span>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="slash-menu mention-menu" style={position}>
      {body}
    </div>
  );
}
