import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import type { FileRefusal, PendingFile, PendingFiles } from './pending-files.ts';

/** Statuses after which the same upload cannot succeed until something changes. */
const PERMANENT = new Set([400, 403, 404, 413, 415]);

export interface UploadQueueOptions {
  readonly api: Pick<FilesApi, 'upload'>;
  /** The signed-in person's pending images, or null when nobody is signed in. */
  readonly pendingFiles: () => Promise<PendingFiles> | null;
  /** The wait before retry number `attempt` while the relay cannot be reached. */
  readonly backoff: (attempt: number) => number;
  /** The relay refused `file` for good: it is kept, marked refused. */
  readonly refused: (file: PendingFile & { readonly refused: FileRefusal }) => void;
  /** The relay has `file`: this machine's copy is gone. */
  readonly uploaded: (file: PendingFile) => void;
}

export interface UploadQueue {
  /** Uploads every pending image not refused; `now` starts the back-off over (the person asked). */
  flush(options?: { readonly now?: boolean }): Promise<void>;
  destroy(): void;
}

/**
 * Uploads pending images oldest first, one at a time, backing off while the
 * relay cannot be reached. An upload the relay refuses for good (no longer
 * an editor, too large for this relay, an id other than the content hash
 * computed here) keeps its bytes, marked refused, and is skipped from then
 * on: retrying it on our own would fail forever, and deleting it would lose
 * an image its note still shows.
 */
export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  const { api } = options;
  let flushing: Promise<void> | null = null;
  let flushAgain = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let destroyed = false;

  const refuse = async (files: PendingFiles, file: PendingFile, status: number, why: string) => {
    const refused = { ...file, refused: { status, message: why, at: Date.now() } };
    await files.put(refused);
    options.refused(refused);
  };

  /** False when the relay could not be reached (or failed): try again later. */
  const uploadOne = async (files: PendingFiles, file: PendingFile): Promise<boolean> => {
    let storedId: string;
    try {
      const stored = await api.upload(file.spaceId, new Uint8Array(file.bytes), file.contentType);
      storedId = stored.fileId;
    } catch (err) {
      if (!(err instanceof ApiRequestError) || !PERMANENT.has(err.status)) return false;
      await refuse(files, file, err.status, err.message);
      return true;
    }
    if (storedId !== file.fileId) {
      // The note names the image by the id computed here: another id would leave it broken.
      await refuse(files, file, 0, t('images.otherId'));
      return true;
    }
    await files.delete(file.spaceId, file.fileId);
    options.uploaded(file);
    return true;
  };

  const flushOnce = async (): Promise<void> => {
    const files = await options.pendingFiles();
    if (files === null) return;
    for (const file of await files.list()) {
      if (file.refused !== undefined) continue;
      if (!(await uploadOne(files, file))) {
        // Relay unreachable (or failing): try again later, oldest first.
        if (!destroyed && timer === null) {
          timer = setTimeout(() => {
            timer = null;
            void flush();
          }, options.backoff(attempt++));
        }
        return;
      }
    }
    attempt = 0;
  };

  // A function, not an inline test: both flags change while a flush awaits.
  const again = (): boolean => flushAgain && !destroyed;

  const flush = async (flushOptions?: { readonly now?: boolean }): Promise<void> => {
    if (flushOptions?.now === true) attempt = 0;
    if (flushing !== null) {
      flushAgain = true;
      return flushing;
    }
    flushing = (async () => {
      for (;;) {
        flushAgain = false;
        try {
          await flushOnce();
        } catch {
          // IndexedDB failed: nothing to upload from it now
        }
        if (!again()) break;
      }
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  };

  return {
    flush,
    destroy: () => {
      destroyed = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
