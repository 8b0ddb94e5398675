import type { Editor } from '@tiptap/core';
import { IMAGE_CONTENT_TYPES } from '../../../shared/files-api.ts';
import { addImages } from './add-images.ts';
import type { NoteImageOptions } from './image-node.ts';

/**
 * Opens the system file chooser for images and resolves with the chosen
 * files (none when it is cancelled). Must be called while handling a key
 * press or a click: browsers show a file chooser only with transient user
 * activation (HTML, "show the picker, if applicable"). The input stays out
 * of the document, so nothing needs hiding and nothing is left behind.
 */
export function chooseImageFiles(doc: Document = document): Promise<File[]> {
  const input = doc.createElement('input');
  input.type = 'file';
  // A hint to the chooser only: the files service checks each file's real type.
  input.accept = IMAGE_CONTENT_TYPES.join(',');
  input.multiple = true;
  return new Promise((resolve) => {
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
    });
    input.addEventListener('cancel', () => {
      resolve([]);
    });
    input.click();
  });
}

/**
 * The slash menu's "Image": lets the person choose image files and puts
 * them in the note where the cursor is, through addImages exactly like a
 * paste (same checks, same local-first upload, same messages).
 */
export async function insertChosenImages(
  editor: Editor,
  options: NoteImageOptions,
  choose: () => Promise<readonly File[]> = chooseImageFiles,
): Promise<void> {
  const files = await choose();
  // The chooser can stay open a long time: the note may have closed, or
  // the person lost the right to edit it, meanwhile.
  if (files.length === 0 || editor.isDestroyed || !editor.isEditable) return;
  await addImages(editor, options, files, null);
}

/** Whether images can be added to this editor now (an editable note with a files service). */
export function canAddImages(editor: Editor, options: NoteImageOptions): boolean {
  return editor.isEditable && options.files !== null && options.spaceId !== null;
}
