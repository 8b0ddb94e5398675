import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { noteBody } from '../../sync/index.ts';
import { noteExtensions } from '../editor/index.ts';
import { restoreSnapshot, snapshotContent } from './restore.ts';

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

/** A live note: an editor bound to a Y.Doc as NoteEditor binds it. */
function liveNote() {
  const doc = new Y.Doc();
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...noteExtensions(), Collaboration.configure({ fragment: noteBody(doc) })],
    injectCSS: false,
  });
  editors.push(editor);
  return { doc, editor };
}

describe('restoring a snapshot', () => {
  it('replaces the note with the version as one undoable, synced edit', () => {
    const { doc, editor } = liveNote();
    editor.commands.setContent({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Plan' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'First draft' }] },
      ],
    });
    const snapshot = Y.encodeStateAsUpdate(doc);
    editor.commands.setContent({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rewritten badly' }] }],
    });
    expect(editor.getText()).toBe('Rewritten badly');

    // Another person's copy of the note before the restore.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    restoreSnapshot(editor, snapshot);
    expect(editor.getText()).toBe('Plan\n\nFirst draft');
    expect(editor.getJSON().content[0]?.type).toBe('heading');
    // It reached the Y.Doc, so the provider sends it to the relay like any edit.
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) Y.applyUpdate(replica, update);
    expect(JSON.stringify(noteBody(replica).toJSON())).toContain('First draft');
    expect(JSON.stringify(noteBody(replica).toJSON())).not.toContain('Rewritten');

    editor.commands.undo();
    expect(editor.getText()).toBe('Rewritten badly');
  });

  it('reads a snapshot body as ProseMirror JSON of the note schema', () => {
    const { doc, editor } = liveNote();
    editor.commands.setContent({
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote' }] }],
        },
      ],
    });
    const json = snapshotContent(Y.encodeStateAsUpdate(doc), editor.schema);
    expect(json.type).toBe('doc');
    expect(json.content?.[0]).toEqual({
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote' }] }],
    });
  });
});
