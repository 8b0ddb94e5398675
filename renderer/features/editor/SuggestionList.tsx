import { useEffect, useId, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import type { SuggestionMenuState, SuggestionMenuStore } from './suggestion-menu-store.ts';

export interface SuggestionListProps<T, S extends SuggestionMenuState<T>> {
  readonly store: SuggestionMenuStore<T, S>;
  readonly editor: Editor;
  /** The menu box's classes. */
  readonly className: string;
  /** The listbox's accessible name. */
  readonly label: string;
  readonly keyOf: (item: T) => string;
  /** What one option shows. */
  readonly renderItem: (item: T) => ReactNode;
  /** What stands instead of the list (nothing matches, an error); null shows the list. */
  readonly notice: (state: S) => ReactElement | null;
}

/**
 * A suggestion menu (the slash menu, the `@` menu): a listbox under the
 * trigger character. Focus stays in the editor (the person keeps typing to
 * filter), so the editor carries aria-controls and aria-activedescendant for
 * screen readers, which announce the active option as it moves. Not
 * aria-expanded: the editor's role is textbox, where ARIA does not allow it.
 * Positioned through CSSOM (React's `style`), which a strict CSP allows.
 */
export function SuggestionList<T, S extends SuggestionMenuState<T>>(
  props: SuggestionListProps<T, S>,
) {
  const { store, editor } = props;
  const state = useSyncExternalStore(store.subscribe, store.get);
  const id = useId();
  const optionId = (i: number) => `${id}-option-${String(i)}`;
  const open = state !== null;
  const active = state !== null && state.items.length > 0 ? optionId(state.selected) : null;

  useEffect(() => {
    if (!open) return;
    const dom = editor.view.dom;
    dom.setAttribute('aria-controls', id);
    if (active !== null) dom.setAttribute('aria-activedescendant', active);
    // Reset on close only, so a closed menu never overwrites the open one's attributes.
    return () => {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    };
  }, [editor, open, active, id]);

  if (state === null) return null;
  const position = state.anchor ? { left: state.anchor.left, top: state.anchor.bottom + 4 } : {};
  return (
    <div className={props.className} style={position}>
      {props.notice(state) ?? (
        <ul className="slash-menu__list" role="listbox" id={id} aria-label={props.label}>
          {state.items.map((item, i) => (
            <li
              key={props.keyOf(item)}
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
              {props.renderItem(item)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
