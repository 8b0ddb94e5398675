import { t } from '../../i18n/index.ts';
import { canAddImages, insertChosenImages, type NoteImageOptions } from '../images/index.ts';
import type { BlockCommand } from './block-commands.ts';

/**
 * The slash menu's "Image": a file chooser for people who
 * would rather pick an image than paste or drop it. Offered only where an
 * image could be added: an editable note with the files service.
 */
export function imageBlockCommand(images: NoteImageOptions): BlockCommand {
  return {
    id: 'image',
    get title() {
      return t('blocks.image.title');
    },
    get hint() {
      return t('blocks.image.hint');
    },
    shortcut: '',
    keywords: ['picture', 'photo', 'img', 'upload', 'file'],
    available: (editor) => canAddImages(editor, images),
    run: (editor, range) => {
      editor.chain().focus().deleteRange(range).run();
      // Synchronously within the key press or click that chose the item, so
      // the browser lets the file chooser open (chooseImageFiles).
      void insertChosenImages(editor, images);
    },
  };
}
