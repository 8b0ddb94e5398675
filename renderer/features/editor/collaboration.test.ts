import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor, getSchema } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import {
  type ProsemirrorBinding,
  prosemirrorJSONToYDoc,
  ySyncPluginKey,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { noteCollaboration } from './collaboration.ts';
import { noteExtensions } from './extensions.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0).reverse()) f();
});

const NOTE = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Agenda' }] },
    {
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { checked: false, id: 'ai-1' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Send the notes' }] }],
        },
      ],
    },
    // Ends with a paragraph: after any other block TipTap's trailing-node
    // plugin would add one at the first transaction.
    ...Array.from({ length: 20 }, (_, i) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `paragraph ${String(i)}` }],
    })),
  ],
};

/** A note as the local store or the relay hands it over: a Y.Doc already holding the body. */
function storedNote(): Y.Doc {
  return prosemirrorJSONToYDoc(getSchema(noteExtensions()), NOTE, 'body');
}

function editorOn(
  doc: Y.Doc,
  options: { mount?: boolean; onTransaction?: (tr: Transaction) => void } = {},
): { editor: Editor; element: HTMLElement } {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element: options.mount === false ? null : element,
    extensions: [...noteExtensions(), noteCollaboration(doc.getXmlFragment('body'))],
    injectCSS: false,
    onTransaction: ({ transaction }) => options.onTransaction?.(transaction),
  });
  cleanups.push(() => {
    editor.destroy();
    element.remove();
  });
  return { editor, element };
}

/** Two docs that exchange updates at once, as the relay would. */
function linked(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') Y.applyUpdate(b, update, 'relay');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') Y.applyUpdate(a, update, 'relay');
  });
}

/** The note as Yjs holds it, read with the editor's schema. */
function inYjs(doc: Y.Doc, editor: Editor): unknown {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('body'), editor.schema).toJSON();
}

describe('opening a note already in memory', () => {
  it('renders it from Yjs once, and does not compare it with Yjs again or write to it', () => {
    const doc = storedNote();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const changes: Transaction[] = [];
    const { editor } = editorOn(doc, {
      onTransaction: (tr) => {
        if (tr.docChanged) changes.push(tr);
      },
    });

    expect(editor.getJSON()).toEqual(inYjs(doc, editor));
    expect(editor.state.doc.childCount).toBe(22);
    // One render of the note from Yjs, marked as a remote change.
    expect(changes).toHaveLength(1);
    expect(changes[0]?.getMeta(ySyncPluginKey)).toMatchObject({ isChangeOrigin: true });

    // The binding takes what it rendered as already in Yjs: making the
    // editor editable and moving the caret do not compare it with Yjs again
    // (the comparison lists the fragment's children).
    const toArray = vi.spyOn(Y.XmlFragment.prototype, 'toArray');
    cleanups.push(() => {
      toArray.mockRestore();
    });
    editor.setEditable(false);
    editor.setEditable(true);
    editor.commands.setTextSelection(5);
    expect(toArray).not.toHaveBeenCalled();
    expect(updates).toHaveLength(0);

    // Its Y-type → node map describes the document (carets and relative
    // positions use it), and a real edit still reaches Yjs.
    const { binding } = ySyncPluginKey.getState(editor.state) as { binding: ProsemirrorBinding };
    doc
      .getXmlFragment('body')
      .toArray()
      .forEach((type, i) => {
        expect(binding.mapping.get(type)).toBe(editor.state.doc.child(i));
      });
    editor.commands.insertContentAt(1, 'Next ');
    expect(JSON.stringify(inYjs(doc, editor))).toContain('Next Agenda');
  });

  it('writes to Yjs what a plugin appended to the render', () => {
    // Ending with a list, TipTap's trailing-node plugin adds a paragraph
    // after it at the first transaction; that paragraph must reach Yjs.
    const doc = prosemirrorJSONToYDoc(
      getSchema(noteExtensions()),
      { type: 'doc', content: [NOTE.content[0], NOTE.content[1]] },
      'body',
    );
    const { editor } = editorOn(doc);
    editor.commands.setTextSelection(3);
    expect(editor.state.doc.lastChild?.type.name).toBe('paragraph');
    expect(inYjs(doc, editor)).toEqual(editor.getJSON());
  });

  it('stays bound both ways, with undo, for two people who opened it so', () => {
    const docA = storedNote();
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    linked(docA, docB);
    const a = editorOn(docA).editor;
    const b = editorOn(docB).editor;
    expect(b.getJSON()).toEqual(a.getJSON());

    // Inside "paragraph 0", after "pa".
    const start = a.state.doc.child(0).nodeSize + a.state.doc.child(1).nodeSize;
    a.commands.insertContentAt(start + 3, 'XY');
    expect(a.state.doc.child(2).textContent).toBe('paXYragraph 0');
    expect(b.state.doc.child(2).textContent).toBe('paXYragraph 0');
    const end = b.state.doc.content.size;
    b.commands.insertContentAt(end, '<p>from B</p>');
    expect(a.state.doc.lastChild?.textContent).toBe('from B');

    // Undo takes back A's own change only, in both editors and in Yjs.
    expect(a.commands.undo()).toBe(true);
    expect(a.state.doc.child(2).textContent).toBe('paragraph 0');
    expect(b.state.doc.child(2).textContent).toBe('paragraph 0');
    expect(a.state.doc.lastChild?.textContent).toBe('from B');
    expect(inYjs(docB, a)).toEqual(a.getJSON());
  });

  it('shows changes made before the view was built', () => {
    const doc = storedNote();
    const { editor, element } = editorOn(doc, { mount: false });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));

    editor.mount(element);
    expect(editor.state.doc.childCount).toBe(23);
    expect(editor.getJSON()).toEqual(inYjs(doc, editor));
  });

  it('renders from Yjs again when the same editor is mounted a second time', () => {
    const doc = storedNote();
    const { editor, element } = editorOn(doc);
    editor.unmount();
    doc.getXmlFragment('body').delete(1, 5);
    editor.mount(element);
    expect(editor.state.doc.childCount).toBe(17);
    expect(editor.getJSON()).toEqual(inYjs(doc, editor));
    editor.commands.insertContentAt(1, 'New ');
    expect(JSON.stringify(inYjs(doc, editor))).toContain('New Agenda');
  });

  it('opens an empty note as before', () => {
    const doc = new Y.Doc();
    const { editor } = editorOn(doc);
    editor.commands.insertContentAt(1, 'first words');
    expect(JSON.stringify(inYjs(doc, editor))).toContain('first words');
  });
});
