import { t } from '../../i18n/index.ts';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { FILE_ID_PATTERN } from '../../../shared/files-api.ts';
import type { FilesService, ImageState } from './files-service.ts';
import { sentence } from './image-checks.ts';
import { createRefusedActions } from './refused-actions.ts';

/**
 * The view of an image in a note: the bytes come from the files service as
 * a `blob:` URL (fetched with the Authorization header, never a token in
 * the URL); while the image is only on this machine it says "Uploading…",
 * and while it is not available a status line says why. When the relay
 * refused this machine's upload, the image (still shown from here) says why
 * and offers Download, Remove from note and Try again. Styles hang off
 * `data-state` (no inline styles: CSP).
 */
const fileIdOf = (node: PmNode): string => {
  const fileId: unknown = node.attrs['fileId'];
  return typeof fileId === 'string' ? fileId : '';
};

export function createImageView(
  node: PmNode,
  context: { files: FilesService | null; spaceId: string | null },
  /** Deletes this image from the note, or null where the note cannot be edited. */
  removeFromNote: (() => void) | null = null,
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
  const actions = createRefusedActions(document, {
    download: () =>
      context.spaceId === null
        ? null
        : (context.files?.read(context.spaceId, fileIdOf(current)) ?? null),
    fileId: () => fileIdOf(current),
    remove:
      removeFromNote === null
        ? null
        : () => {
            const fileId = fileIdOf(current);
            removeFromNote();
            if (context.spaceId !== null) void context.files?.discard(context.spaceId, fileId);
          },
    tryAgain: () => {
      if (context.spaceId !== null)
        void context.files?.tryAgain(context.spaceId, fileIdOf(current));
    },
  });
  dom.append(img, status, actions.dom);

  let current = node;
  let release: (() => void) | null = null;

  const render = (state: ImageState) => {
    dom.dataset['state'] = state.kind === 'ready' && state.uploading ? 'uploading' : state.kind;
    actions.show(state.kind === 'refused');
    if (state.kind === 'ready' || state.kind === 'refused') {
      if (img.src !== state.url) img.src = state.url;
      status.textContent =
        state.kind === 'refused'
          ? t('images.notUploaded', { reason: sentence(state.message) })
          : state.uploading
            ? t('images.uploading')
            : '';
    } else {
      img.removeAttribute('src');
      status.textContent = state.kind === 'loading' ? t('images.loading') : state.message;
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
      render({ kind: 'failed', message: t('images.missing') });
      return;
    }
    if (context.files === null || context.spaceId === null) {
      render({ kind: 'failed', message: t('images.cannotShow') });
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
    // Clicks on the buttons are theirs, not a node selection or a drag.
    stopEvent: (event) =>
      event.target instanceof Element && event.target.closest('button') !== null,
    destroy: () => {
      release?.();
      release = null;
    },
  };
}
