import { t } from '../../i18n/index.ts';
import { MAX_FILE_BYTES } from '../../../shared/limits.ts';
import { sniffImageType, type ImageContentType } from '../../../shared/files-api.ts';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { fileIdOf } from './file-id.ts';
import { createLimitsCache } from './file-limits.ts';
import { noRoomLeft, refuseImage, sentence, tooLarge } from './image-checks.ts';
import { createImageRetry, type ImageRetryOptions } from './image-retry.ts';
import { openPendingFiles, type PendingFile, type PendingFiles } from './pending-files.ts';
import { createUploadQueue } from './upload-queue.ts';
import type { LocalProtection } from '../../sync/index.ts';

/** What an image of a note shows. */
export type ImageState =
  | { readonly kind: 'loading' }
  /** `uploading`: shown from this machine's copy, not on the relay yet. */
  | { readonly kind: 'ready'; readonly url: string; readonly uploading: boolean }
  /** Not available yet (not uploaded, relay unreachable): retried. */
  | { readonly kind: 'waiting'; readonly message: string }
  /** The relay refused this machine's upload: the bytes are still here (never retried on its own). */
  | { readonly kind: 'refused'; readonly url: string; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export type AddResult =
  { readonly ok: true; readonly fileId: string } | { readonly ok: false; readonly message: string };

/** An image's bytes and real type. */
export interface ImageFile {
  readonly bytes: Uint8Array;
  readonly contentType: ImageContentType;
}

/**
 * Images of notes. A pasted image is checked (size against
 * the relay's own limit, real type), named by its content hash, kept in
 * IndexedDB and only then put in the note; the upload follows, now or when
 * the relay is back, so an image pasted offline is never lost, not even when
 * the relay then refuses it (the bytes stay, marked refused, until the person
 * downloads, removes or retries them). Images are shown through `blob:` URLs,
 * one per image however many views show it, revoked when the last view goes.
 */
export interface FilesService {
  add(spaceId: string, file: Blob): Promise<AddResult>;
  /** Calls `listener` with the image's state now and on each change; returns the release. */
  watch(spaceId: string, fileId: string, listener: (state: ImageState) => void): () => void;
  /** The image's bytes: this machine's copy first, else the relay's (throws, in words, when neither). */
  read(spaceId: string, fileId: string): Promise<ImageFile>;
  /** Uploads a refused image again (the person asked: e.g. their role changed back). */
  tryAgain(spaceId: string, fileId: string): Promise<void>;
  /** Forgets this machine's refused copy (the image was removed from the note). */
  discard(spaceId: string, fileId: string): Promise<void>;
  /** Uploads every pending image of the signed-in person (on sign-in, when online). */
  flush(): Promise<void>;
  /** Messages about uploads the relay refused for good (shown by the editor). */
  onProblem(listener: (message: string) => void): () => void;
  destroy(): void;
}

export interface FilesServiceOptions {
  readonly api: FilesApi;
  /** The signed-in person's `sub` (pending images are kept per person), or null. */
  readonly owner: () => string | null;
  readonly indexedDB?: IDBFactory;
  /** How the host lets this device keep the person's data (sealed, plain, or not at all); plain without. */
  readonly protection?: (owner: string) => Promise<LocalProtection>;
  /** The window: an `online` event uploads and loads at once. */
  readonly win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** The document: missing images are not polled while it is hidden. */
  readonly doc?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'>;
  readonly retry?: ImageRetryOptions['retry'];
  /** Waits between looks for an image the relay does not have (404), the last repeated. */
  readonly missingRetryMs?: readonly number[];
  /** The largest image until the relay has said its own (MAX_FILE_BYTES). */
  readonly maxBytes?: number;
  /** Where the relay's last known limits are kept per space (localStorage). */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly isOnline?: () => boolean;
  readonly urls?: { create(blob: Blob): string; revoke(url: string): void };
}

interface Entry {
  readonly spaceId: string;
  readonly fileId: string;
  readonly listeners: Set<(state: ImageState) => void>;
  state: ImageState;
  url: string | null;
}

const blobOf = (file: PendingFile) => new Blob([file.bytes], { type: file.contentType });

export function createFilesService(options: FilesServiceOptions): FilesService {
  const { api } = options;
  const limits = createLimitsCache({
    api,
    defaultMaxBytes: options.maxBytes ?? MAX_FILE_BYTES,
    ...(options.storage === undefined ? {} : { storage: options.storage }),
    ...(options.isOnline === undefined ? {} : { isOnline: options.isOnline }),
  });
  const urls = options.urls ?? {
    create: (blob: Blob) => URL.createObjectURL(blob),
    revoke: (url: string) => {
      URL.revokeObjectURL(url);
    },
  };
  const entries = new Map<string, Entry>();
  const problems = new Set<(message: string) => void>();
  let pending: { owner: string; files: Promise<PendingFiles> } | null = null;
  let destroyed = false;

  const key = (spaceId: string, fileId: string) => `${spaceId}/${fileId}`;
  const retries = createImageRetry({
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.missingRetryMs === undefined ? {} : { missingMs: options.missingRetryMs }),
    ...(options.doc === undefined ? {} : { doc: options.doc }),
    ...(options.win === undefined ? {} : { win: options.win }),
    load: (k) => {
      const entry = entries.get(k);
      if (entry !== undefined && !destroyed) void load(entry);
    },
  });

  const pendingFiles = (): Promise<PendingFiles> | null => {
    const owner = options.owner();
    if (owner === null) return null;
    if (pending?.owner !== owner) {
      const previous = pending;
      void previous?.files.then((f) => {
        f.close();
      });
      pending = {
        owner,
        files: openPendingFiles(owner, options.indexedDB ?? indexedDB, options.protection?.(owner)),
      };
    }
    return pending.files;
  };

  const set = (entry: Entry, state: ImageState) => {
    entry.state = state;
    for (const listener of entry.listeners) listener(state);
  };

  const urlOf = (entry: Entry, blob: Blob): string => (entry.url ??= urls.create(blob));

  const showLocal = (entry: Entry, file: PendingFile) => {
    const url = urlOf(entry, blobOf(file));
    set(
      entry,
      file.refused === undefined
        ? { kind: 'ready', url, uploading: true }
        : { kind: 'refused', url, message: file.refused.message },
    );
  };

  const localCopy = async (spaceId: string, fileId: string): Promise<PendingFile | null> => {
    try {
      return (await (await pendingFiles())?.get(spaceId, fileId)) ?? null;
    } catch {
      // IndexedDB unavailable: the relay's copy instead
      return null;
    }
  };

  const load = async (entry: Entry): Promise<void> => {
    const k = key(entry.spaceId, entry.fileId);
    const local = await localCopy(entry.spaceId, entry.fileId);
    if (local !== null) {
      showLocal(entry, local);
      return;
    }
    try {
      const blob = await api.download(entry.spaceId, entry.fileId);
      set(entry, { kind: 'ready', url: urlOf(entry, blob), uploading: false });
      retries.succeeded(k);
    } catch (err) {
      const status = err instanceof ApiRequestError ? err.status : 0;
      if (status === 403 || status === 400) {
        set(entry, { kind: 'failed', message: t('images.forbidden') });
        return;
      }
      const missing = status === 404;
      set(entry, {
        kind: 'waiting',
        message: missing ? t('images.notOnRelay') : t('images.waitForRelay'),
      });
      if (entry.listeners.size === 0 || destroyed) return;
      retries.schedule(k, missing ? 'missing' : 'unreachable');
    }
  };

  const report = (message: string) => {
    for (const listener of problems) listener(message);
  };

  const uploads = createUploadQueue({
    api,
    pendingFiles,
    backoff: (attempt) => retries.backoff(attempt),
    refused: (file) => {
      report(t('images.uploadRefused', { reason: sentence(file.refused.message) }));
      const entry = entries.get(key(file.spaceId, file.fileId));
      if (entry !== undefined) showLocal(entry, file);
    },
    uploaded: (file) => {
      const entry = entries.get(key(file.spaceId, file.fileId));
      if (entry?.url != null) set(entry, { kind: 'ready', url: entry.url, uploading: false });
    },
  });
  const flush = (): Promise<void> => uploads.flush();

  const online = () => {
    void flush();
  };
  options.win?.addEventListener('online', online);

  const add = async (spaceId: string, file: Blob): Promise<AddResult> => {
    if (options.owner() === null) return { ok: false, message: t('images.signIn') };
    const { maxFileBytes, spaceBytesLeft } = await limits.refresh(spaceId);
    if (file.size > maxFileBytes) return { ok: false, message: tooLarge(file.size, maxFileBytes) };
    if (spaceBytesLeft !== null && file.size > spaceBytesLeft) {
      return { ok: false, message: noRoomLeft(spaceBytesLeft) };
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const refused = refuseImage(bytes, file.type, maxFileBytes);
    const contentType = sniffImageType(bytes);
    if (refused !== null || contentType === null) {
      return { ok: false, message: refused?.message ?? t('images.notAnImage') };
    }
    const fileId = await fileIdOf(bytes);
    try {
      const files = await pendingFiles();
      if (files === null) throw new Error('signed out');
      await files.put({
        spaceId,
        fileId,
        contentType,
        bytes: bytes.slice().buffer,
        createdAt: Date.now(),
      });
    } catch {
      return {
        ok: false,
        message: t('images.couldNotKeep'),
      };
    }
    void flush();
    return { ok: true, fileId };
  };

  return {
    add,
    watch: (spaceId, fileId, listener) => {
      const k = key(spaceId, fileId);
      let entry = entries.get(k);
      if (entry === undefined) {
        entry = { spaceId, fileId, listeners: new Set(), state: { kind: 'loading' }, url: null };
        entries.set(k, entry);
        entry.listeners.add(listener);
        listener(entry.state);
        // While online: the relay's limit is at hand (and stored) for a paste made offline later.
        void limits.refresh(spaceId);
        void load(entry);
      } else {
        entry.listeners.add(listener);
        listener(entry.state);
      }
      const watched = entry;
      return () => {
        watched.listeners.delete(listener);
        if (watched.listeners.size > 0) return;
        // The last view is gone: free the bytes (a later view loads them again, from cache).
        retries.cancel(k);
        if (watched.url !== null) urls.revoke(watched.url);
        entries.delete(k);
      };
    },
    read: async (spaceId, fileId) => {
      const local = await localCopy(spaceId, fileId);
      if (local !== null) {
        return { bytes: new Uint8Array(local.bytes), contentType: local.contentType };
      }
      const bytes = new Uint8Array(await (await api.download(spaceId, fileId)).arrayBuffer());
      // The type the bytes announce, whatever the answer's header said.
      const contentType = sniffImageType(bytes);
      if (contentType === null) throw new Error(t('images.notAnImageFromRelay'));
      return { bytes, contentType };
    },
    tryAgain: async (spaceId, fileId) => {
      const files = await pendingFiles();
      const file = await files?.get(spaceId, fileId);
      if (files == null || file == null) return;
      // The same file without its refusal: waiting to go up again.
      const waiting: PendingFile = {
        spaceId: file.spaceId,
        fileId: file.fileId,
        contentType: file.contentType,
        bytes: file.bytes,
        createdAt: file.createdAt,
      };
      await files.put(waiting);
      const entry = entries.get(key(spaceId, fileId));
      if (entry !== undefined) showLocal(entry, waiting);
      await uploads.flush({ now: true });
    },
    discard: async (spaceId, fileId) => {
      const files = await pendingFiles();
      const file = await files?.get(spaceId, fileId);
      // Only a refused copy: one still waiting to go up is another note's image too.
      if (files == null || file?.refused === undefined) return;
      await files.delete(spaceId, fileId);
    },
    flush,
    onProblem: (listener) => {
      problems.add(listener);
      return () => {
        problems.delete(listener);
      };
    },
    destroy: () => {
      destroyed = true;
      options.win?.removeEventListener('online', online);
      retries.destroy();
      uploads.destroy();
      for (const entry of entries.values()) {
        if (entry.url !== null) urls.revoke(entry.url);
      }
      entries.clear();
      void pending?.files.then((f) => {
        f.close();
      });
    },
  };
}
