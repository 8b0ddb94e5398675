import { t } from '../../i18n/index.ts';
import { downloadFile } from '../../files/index.ts';
import type { ImageContentType } from '../../../shared/files-api.ts';
import type { ImageFile } from './files-service.ts';

/** The file name extension of each image type a note holds. */
export const IMAGE_EXTENSIONS: Readonly<Record<ImageContentType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export interface RefusedActionHandlers {
  /** The image's bytes (this machine's copy), or null where none can be had. */
  readonly download: () => Promise<ImageFile> | null;
  readonly fileId: () => string;
  /** Removes the image from the note; null where the note cannot be edited. */
  readonly remove: (() => void) | null;
  readonly tryAgain: () => void;
}

/**
 * The buttons under an image the relay refused: the bytes
 * exist only on this machine, so the person can save them as a file, take
 * the image out of the note, or upload it again once what stopped it has
 * changed (a role given back, a relay limit raised). Nothing is retried on
 * its own: the same refusal would come back.
 */
export function createRefusedActions(
  doc: Document,
  handlers: RefusedActionHandlers,
): { readonly dom: HTMLElement; show(visible: boolean): void } {
  const dom = doc.createElement('div');
  dom.className = 'note-image__actions';
  dom.hidden = true;
  const error = doc.createElement('span');
  error.className = 'note-image__error';
  error.setAttribute('role', 'alert');

  const button = (label: string, onClick: () => void) => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.className = 'button';
    element.textContent = label;
    element.addEventListener('click', (event) => {
      event.preventDefault();
      error.textContent = '';
      onClick();
    });
    dom.append(element);
  };

  button(t('images.download'), () => {
    const bytes = handlers.download();
    if (bytes === null) return;
    bytes.then(
      (file) => {
        const name = `image-${handlers.fileId().slice(0, 12)}.${IMAGE_EXTENSIONS[file.contentType]}`;
        downloadFile(doc, name, file.bytes, file.contentType);
      },
      (err: unknown) => {
        error.textContent = t('images.couldNotSave', {
          reason: err instanceof Error ? err.message : String(err),
        });
      },
    );
  });
  if (handlers.remove !== null) button(t('images.remove'), handlers.remove);
  button(t('images.tryAgain'), handlers.tryAgain);
  dom.append(error);

  return {
    dom,
    show: (visible) => {
      dom.hidden = !visible;
      if (!visible) error.textContent = '';
    },
  };
}
