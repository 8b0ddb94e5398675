import { useMemo, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { commentHighlightsKey, highlightedRanges } from './highlights.ts';
import type { Source } from './use-threads.ts';

/** What the comments panel needs from the editor, recomputed on each transaction. */
export interface EditorComments {
  /** The focused thread (drawn stronger in the note). */
  readonly active: string | null;
  /** Threads whose text is highlighted in the note (the others are resolved or detached). */
  readonly attached: ReadonlySet<string>;
  /** A non-empty selection and where its end is on screen (null: none, or no layout). */
  readonly selection: {
    readonly from: number;
    readonly to: number;
    readonly at: { readonly left: number; readonly top: number } | null;
  } | null;
}

const EMPTY: EditorComments = { active: null, attached: new Set(), selection: null };

function read(editor: Editor): EditorComments {
  if (editor.isDestroyed) return EMPTY;
  const { state, view } = editor;
  const active = commentHighlightsKey.getState(state)?.active ?? null;
  const attached = new Set(highlightedRanges(state).keys());
  const { from, to, empty } = state.selection;
  let selection: EditorComments['selection'] = null;
  if (!empty && state.doc.textBetween(from, to, ' ').trim() !== '') {
    let at: { left: number; top: number } | null = null;
    try {
      const end = view.coordsAtPos(to);
      at = { left: end.right, top: end.bottom };
    } catch {
      // No layout (e.g. a test DOM): the button shows without a position.
    }
    selection = { from, to, at };
  }
  return { active, attached, selection };
}

function same(a: EditorComments, b: EditorComments): boolean {
  const sa = a.selection;
  const sb = b.selection;
  return (
    a.active === b.active &&
    a.attached.size === b.attached.size &&
    [...a.attached].every((id) => b.attached.has(id)) &&
    (sa === sb ||
      (sa !== null &&
        sb !== null &&
        sa.from === sb.from &&
        sa.to === sb.to &&
        sa.at?.left === sb.at?.left &&
        sa.at?.top === sb.at?.top))
  );
}

/** The editor's comment state, changing only when it does (not on every keystroke). */
export function editorCommentsSource(editor: Editor): Source<EditorComments> {
  let snapshot = read(editor);
  return {
    subscribe: (listener) => {
      const onTransaction = () => {
        const next = read(editor);
        if (!same(next, snapshot)) {
          snapshot = next;
          listener();
        }
      };
      editor.on('transaction', onTransaction);
      onTransaction();
      return () => {
        editor.off('transaction', onTransaction);
      };
    },
    get: () => snapshot,
  };
}

/** The editor's comment state, re-rendering only when it changes. */
export function useEditorComments(editor: Editor): EditorComments {
  const source = useMemo(() => editorCommentsSource(editor), [editor]);
  return useSyncExternalStore(source.subscribe, source.get);
}
