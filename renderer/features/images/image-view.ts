import type { Node as PmNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { FILE_ID_PATTERN } from '../../../shared/files-api.ts';
import type { FilesService, ImageState } from './files-service.ts';

/**
 * The view of an image in a note: the bytes come from the files service as
 * a `blob:` URL (fetched with the Authorization header, never a token in
 * the URL); while the image is only on this machine it says "Uploading…",
 * and while it is not available a status line says why. Styles hang off
 * `data-state` (no inline styles: CSP).
 */
export function createImageView(
  node: PmNode,
  context: { files: FilesService | null; spaceId: string | null },
): NodeView {
  const dom = document.createElement('figure');
  dom.className = 'note-image';
  dom.contentEditable = 'false';
  const img = document.createElement('img');
  img.className = 'note-image__img';
  img.draggable = false;
  const status = document.createElement('figcaption');
  status.className = 'note-image__status';
  status.setAttribute('role', 'status');
  dom.append(img, status);

  let current = node;
  let release: (() => void) | null = null;

  const render = (state: ImageState) => {
    dom.dataset['state'] = state.kind === 'ready' && state.uploading ? 'uploading' : state.kind;
    if (state.kind === 'ready') {
      if (img.src !== state.url) img.src = state.url;
      status.textContent = state.uploading ? 'Uploading…' : '';
    } else {
      img.removeAttribute('src');
      status.textContent = state.kind === 'loading' ? 'Loading image…' : state.message;
    }
  };

  const bind = (next: PmNode) => {
    release?.();
    release = null;
    const alt: unknown = next.attrs['alt'];
    img.alt = typeof alt === 'string' ? alt : '';
    const fileId: unknown = next.attrs['fileId'];
    dom.dataset['fileId'] = typeof fileId === 'string' ? fileId : '';
    if (typeof fileId !== 'string' || !FILE_ID_PATTERN.test(fileId)) {
      render({ kind: 'failed', message: 'This image is missing.' });
      return;
    }
    if (context.files === null || context.spaceId === null) {
      render({ kind: 'failed', message: 'Images cannot be shown here.' });
      return;
    }
    release = context.files.watch(context.spaceId, fileId, render);
  };
  bind(node);

  return {
    dom,
    update: (next) => {
      if (next.type !== current.type) return false;
      const changed =
        next.attrs['fileId'] !== current.attrs['fileId'] ||
        next.attrs['alt'] !== current.attrs['alt'];
      current = next;
      if (changed) bind(next);
      return true;
    },
    // The figure is an atom: ProseMirror must not read DOM changes inside it as edits.
    ignoreMutation: () => true,
    destroy: () => {
      release?.();
      release = null;
    },
  };
}
