// The two editors under test. `mountOurs` builds TipTap the way
// renderer/features/editor/NoteEditor.tsx does (same extensions, options and
// attributes; without React, which only hosts it); `mountBare` is ProseMirror
// alone with a paragraphs-only schema and the base keymap, no Yjs.
import { Editor, getSchema } from '@tiptap/core';
import { baseKeymap } from '@tiptap/pm/commands';
import { keymap } from '@tiptap/pm/keymap';
import { Schema, type Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { EditorView } from '@tiptap/pm/view';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { noteCarets } from '../../../renderer/features/editor/caret-extension.ts';
import { noteCollaboration } from '../../../renderer/features/editor/collaboration.ts';
import { noteExtensions } from '../../../renderer/features/editor/extensions.ts';

/** The Y.XmlFragment the app binds (renderer/sync/note-doc.ts NOTE_BODY_FIELD). */
export const BODY_FIELD = 'body';

const ATTRIBUTES = { class: 'note-editor__content', 'aria-label': 'Note', spellcheck: 'true' };

export interface BenchEditor {
  readonly view: EditorView;
  destroy(): void;
}

/** ProseMirror JSON for plain paragraphs (an empty one has no content). */
export function paragraphsJSON(paragraphs: readonly string[]): {
  type: 'doc';
  content: { type: 'paragraph'; content?: { type: 'text'; text: string }[] }[];
} {
  return {
    type: 'doc',
    content: paragraphs.map((text) =>
      text === ''
        ? { type: 'paragraph' }
        : { type: 'paragraph', content: [{ type: 'text', text }] },
    ),
  };
}

/** A Y update holding the paragraphs as y-prosemirror stores them (the app's stored form). */
export function paragraphsUpdate(paragraphs: readonly string[]): Uint8Array {
  const doc = prosemirrorJSONToYDoc(
    getSchema(noteExtensions()),
    paragraphsJSON(paragraphs),
    BODY_FIELD,
  );
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export function mountOurs(
  parent: HTMLElement,
  fragment: Y.XmlFragment,
  awareness: Awareness,
  user: { name: string; color: string },
): BenchEditor {
  const editor = new Editor({
    element: parent,
    extensions: [...noteExtensions(), noteCollaboration(fragment), noteCarets(awareness, user)],
    // As the app: read-only until synced, then editable (here at once).
    editable: false,
    injectCSS: false,
    editorProps: { attributes: ATTRIBUTES },
  });
  editor.setEditable(true);
  return {
    view: editor.view,
    destroy: () => {
      editor.destroy();
    },
  };
}

const bareSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', 0],
    },
    text: {},
  },
});

export function bareDoc(json: unknown): PMNode {
  return bareSchema.nodeFromJSON(json);
}

export function mountBare(
  parent: HTMLElement,
  doc: PMNode,
  onDocChange: () => void = () => undefined,
): BenchEditor {
  const view: EditorView = new EditorView(parent, {
    state: EditorState.create({ doc, plugins: [keymap(baseKeymap)] }),
    attributes: ATTRIBUTES,
    dispatchTransaction: (tr) => {
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) onDocChange();
    },
  });
  return {
    view,
    destroy: () => {
      view.destroy();
    },
  };
}

/** A collapsed selection at `position`, with the focus in the editor. */
export function placeCaret(view: EditorView, position: number): void {
  const { state } = view;
  if (!state.selection.empty || state.selection.from !== position) {
    view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, position)));
  }
  if (!view.hasFocus()) view.focus();
}

/** The first `count` paragraphs' text, joined with newlines. */
export function paragraphsText(view: EditorView, count: number): string {
  const texts: string[] = [];
  view.state.doc.forEach((node) => {
    if (texts.length < count) texts.push(node.textContent);
  });
  return texts.join('\n');
}
