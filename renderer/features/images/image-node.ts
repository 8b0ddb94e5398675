import { Node, mergeAttributes } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { FILE_ID_PATTERN } from '../../../shared/files-api.ts';
import { addImages } from './add-images.ts';
import type { FilesService } from './files-service.ts';
import { createImageView } from './image-view.ts';

export interface NoteImageOptions {
  /** Null in editors that only need the schema (tests, exports): images show a placeholder. */
  readonly files: FilesService | null;
  /** The note's space: a file id names a file of this space only. */
  readonly spaceId: string | null;
  /** Shows (or, with null, clears) a message about an image that could not be added. */
  readonly onNotice: ((message: string | null) => void) | null;
}

/** The file id in a pasted `<img data-file-id>`, when it is one. */
function parseFileId(element: HTMLElement): string | null {
  const value = element.getAttribute('data-file-id');
  return value !== null && FILE_ID_PATTERN.test(value) ? value : null;
}

/** The image files of a paste or drop (an SVG too, so that it is refused in words). */
function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith('image/'));
}

/**
 * An image of a note. Its attribute is a file id of the
 * note's space (shared/files-api.ts), never a URL: no token and no `data:`
 * URL ever enters the document, and an image pasted from a web page is not
 * fetched from there. Pasting or dropping image files adds them.
 */
export const NoteImage = Node.create<NoteImageOptions>({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { files: null, spaceId: null, onNotice: null };
  },

  addAttributes() {
    return {
      fileId: {
        default: null,
        parseHTML: parseFileId,
        renderHTML: (attrs) => ({ 'data-file-id': attrs['fileId'] as string | null }),
      },
      alt: {
        default: null,
        parseHTML: (element) => element.getAttribute('alt'),
        renderHTML: (attrs) => ({ alt: attrs['alt'] as string | null }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'img[data-file-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['img', mergeAttributes(HTMLAttributes)];
  },

  addNodeView() {
    return ({ node, getPos, editor }) =>
      createImageView(
        node,
        this.options,
        // Only where the note can be edited (a viewer's note is read-only).
        editor.isEditable
          ? () => {
              const pos = getPos();
              const here = typeof pos === 'number' ? editor.state.doc.nodeAt(pos) : null;
              if (typeof pos !== 'number' || here?.type.name !== 'image') return;
              editor
                .chain()
                .deleteRange({ from: pos, to: pos + here.nodeSize })
                .run();
            }
          : null,
      );
  },

  addProseMirrorPlugins() {
    const { editor, options } = this;
    return [
      new Plugin({
        key: new PluginKey('noteImageFiles'),
        props: {
          handlePaste: (_view, event) => {
            const files = imageFiles(event.clipboardData?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            void addImages(editor, options, files, null);
            return true;
          },
          handleDrop: (view, event, _slice, moved) => {
            if (moved) return false;
            const files = imageFiles(event.dataTransfer?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            void addImages(editor, options, files, at?.pos ?? null);
            return true;
          },
        },
      }),
    ];
  },
});
