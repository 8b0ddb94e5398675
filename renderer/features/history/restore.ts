/**
 * Turning a snapshot back into the note. Restoring is an
 * ordinary edit of the live editor: the snapshot's body becomes ProseMirror
 * content and replaces the note through an editor command, so y-prosemirror
 * turns it into a Yjs update (synced to everyone, stored by the relay) and
 * its undo manager records it as one step that Ctrl/Cmd+Z takes back.
 * The title lives in the space's page tree, not in the note, and is kept.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { yUndoPluginKey, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { noteBody } from '../../sync/index.ts';

/** The snapshot's state as a Y.Doc of its own (never connected to anything). */
export function snapshotDoc(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** The body of a snapshot as ProseMirror JSON in `schema`. */
export function snapshotContent(update: Uint8Array, schema: Schema): JSONContent {
  const doc = snapshotDoc(update);
  try {
    return yXmlFragmentToProseMirrorRootNode(noteBody(doc), schema).toJSON() as JSONContent;
  } finally {
    doc.destroy();
  }
}

interface UndoState {
  readonly undoManager?: { stopCapturing(): void };
}

/** Closes the undo manager's current step, so the restore is a step of its own. */
function stopCapturing(editor: Editor): void {
  const state = yUndoPluginKey.getState(editor.state) as UndoState | undefined;
  state?.undoManager?.stopCapturing();
}

/** Replaces the live note's body with the snapshot's, as one undoable edit. */
export function restoreSnapshot(editor: Editor, update: Uint8Array): void {
  const content = snapshotContent(update, editor.schema);
  stopCapturing(editor);
  editor.commands.setContent(content, { emitUpdate: true });
  stopCapturing(editor);
}
