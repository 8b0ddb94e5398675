import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useFilesService } from '../../services/index.ts';
import type { NoteImageOptions } from './image-node.ts';
import { useT } from '../../i18n/index.ts';
import './images.css';

/**
 * What a note editor needs for images: the image node's options (the files
 * service and the note's space) and the message line for an image that
 * could not be added (too large, not an image, refused by the relay).
 */
export function useImageSupport(spaceId: string): {
  readonly options: NoteImageOptions;
  readonly notice: ReactNode;
} {
  const files = useFilesService();
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => files?.onProblem(setMessage), [files]);
  const options = useMemo(
    (): NoteImageOptions => ({ files, spaceId, onNotice: setMessage }),
    [files, spaceId],
  );
  const notice =
    message === null ? null : (
      <p className="note-image-notice" role="alert">
        <span>{message}</span>
        <button
          type="button"
          className="note-image-notice__dismiss"
          onClick={() => {
            setMessage(null);
          }}
        >
          {t('ui.dismiss')}
        </button>
      </p>
    );
  return { options, notice };
}
