import { t } from '../../i18n/index.ts';
import type { Editor } from '@tiptap/core';
import type { NoteImageOptions } from './image-node.ts';

/** The alt text for a dropped or chosen file: its name without the extension ("image" for a paste). */
function altOf(file: File): string | null {
  const name = file.name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return name === '' ? null : name.slice(0, 200);
}

/**
 * Puts image files into the note: each is checked, kept on this machine and
 * queued for upload by the files service first (too large, not an image:
 * a message instead), then inserted at `at`, or at the selection when null.
 * The one path for pasted, dropped and chosen images, so all three get the
 * same checks, the same local-first upload and the same messages.
 */
export async function addImages(
  editor: Editor,
  options: NoteImageOptions,
  files: readonly File[],
  at: number | null,
): Promise<void> {
  const { files: service, spaceId, onNotice } = options;
  if (service === null || spaceId === null) {
    onNotice?.(t('images.cannotAdd'));
    return;
  }
  onNotice?.(null);
  let pos = at;
  for (const file of files) {
    const result = await service.add(spaceId, file);
    if (!result.ok) {
      onNotice?.(result.message);
      continue;
    }
    if (editor.isDestroyed) return;
    const content = { type: 'image', attrs: { fileId: result.fileId, alt: altOf(file) } };
    if (pos === null) {
      editor.chain().focus().insertContent(content).run();
    } else {
      const before = editor.state.doc.content.size;
      editor.chain().focus().insertContentAt(pos, content).run();
      pos += editor.state.doc.content.size - before;
    }
  }
}
