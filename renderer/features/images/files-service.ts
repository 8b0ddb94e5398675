import { MAX_FILE_BYTES } from '../../../shared/limits.ts';
import { sniffImageType } from '../../../shared/files-api.ts';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { fileIdOf } from './file-id.ts';
import { refuseImage, tooLarge } from './image-checks.ts';
import { openPendingFiles, type PendingFile, type PendingFiles } from './pending-files.ts';

/** What an image of a note shows. */
export type ImageState =
  | { readonly kind: 'loading' }
  /** `uploading`: shown from this machine's copy, not on the relay yet. */
  | { readonly kind: 'ready'; readonly url: string; readonly uploading: boolean }
  /** Not available yet (not uploaded, relay unreachable): retried. */
  | { readonly kind: 'waiting'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export type AddResult =
  { readonly ok: true; readonly fileId: string } | { readonly ok: false; readonly message: string };

/**
 * Images of notes (issue 4 point 3). A pasted image is checked (size, real
 * type), named by its content hash, kept in IndexedDB and only then put in
 * the note; the upload follows, now or when the relay is back, so an image
 * pasted offline is never lost. Images are shown through `blob:` URLs, one
 * per image however many views show it, revoked when the last view goes.
 */
export interface FilesService {
  add(spaceId: string, file: Blob): Promise<AddResult>;
  /** Calls `listener` with the image's state now and on each change; returns the release. */
  watch(spaceId: string, fileId: string, listener: (state: ImageState) => void): () => void;
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
  /** The window: an `online` event uploads at once. */
  readonly win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  readonly retry?: { readonly minMs: number; readonly maxMs: number };
  readonly maxBytes?: number;
  readonly urls?: { create(blob: Blob): string; revoke(url: string): void };
}

interface Entry {
  readonly spaceId: string;
  readonly fileId: string;
  readonly listeners: Set<(state: ImageState) => void>;
  state: ImageState;
  url: string | null;
  timer: ReturnType<typeof setTimeout> | null;
  attempt: number;
}

const PERMANENT = new Set([400, 403, 404, 413, 415]);

export function createFilesService(options: FilesServiceOptions): FilesService {
  const { api } = options;
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  // Short: retries happen only while an image waits, and people watch it wait.
  const retry = options.retry ?? { minMs: 1000, maxMs: 10_000 };
  const urls = options.urls ?? {
    create: (blob: Blob) => URL.createObjectURL(blob),
    revoke: (url: string) => {
      URL.revokeObjectURL(url);
    },
  };
  const entries = new Map<string, Entry>();
  const problems = new Set<(message: string) => void>();
  let pending: { owner: string; files: Promise<PendingFiles> } | null = null;
  let flushing: Promise<void> | null = null;
  let flushAgain = false;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let flushAttempt = 0;
  let destroyed = false;

  const key = (spaceId: string, fileId: string) => `${spaceId}/${fileId}`;
  const backoff = (attempt: number) => Math.min(retry.maxMs, retry.minMs * 2 ** attempt);

  const pendingFiles = (): Promise<PendingFiles> | null => {
    const owner = options.owner();
    if (owner === null) return null;
    if (pending?.owner !== owner) {
      const previous = pending;
      void previous?.files.then((f) => {
        f.close();
      });
      pending = { owner, files: openPendingFiles(owner, options.indexedDB ?? indexedDB) };
    }
    return pending.files;
  };

  const set = (entry: Entry, state: ImageState) => {
    entry.state = state;
    for (const listener of entry.listeners) listener(state);
  };

  const show = (entry: Entry, blob: Blob, uploading: boolean) => {
    entry.url ??= urls.create(blob);
    set(entry, { kind: 'ready', url: entry.url, uploading });
  };

  const load = async (entry: Entry): Promise<void> => {
    entry.timer = null;
    try {
      const local = await (await pendingFiles())?.get(entry.spaceId, entry.fileId);
      if (local != null) {
        show(entry, new Blob([local.bytes], { type: local.contentType }), true);
        return;
      }
    } catch {
      // IndexedDB unavailable: the relay's copy below
    }
    try {
      show(entry, await api.download(entry.spaceId, entry.fileId), false);
    } catch (err) {
      const status = err instanceof ApiRequestError ? err.status : 0;
      if (status === 403 || status === 400) {
        set(entry, { kind: 'failed', message: 'You cannot see this image.' });
        return;
      }
      set(entry, {
        kind: 'waiting',
        message:
          status === 404
            ? 'This image has not reached the relay yet.'
            : 'The image will show when the relay can be reached.',
      });
      if (entry.listeners.size === 0 || destroyed) return;
      entry.timer = setTimeout(() => void load(entry), backoff(entry.attempt++));
    }
  };

  const report = (message: string) => {
    for (const listener of problems) listener(message);
  };

  const uploadOne = async (files: PendingFiles, file: PendingFile): Promise<boolean> => {
    try {
      await api.upload(file.spaceId, new Uint8Array(file.bytes), file.contentType);
    } catch (err) {
      if (!(err instanceof ApiRequestError) || !PERMANENT.has(err.status)) return false;
      // Refused for good (no longer an editor, type or size): keeping it would retry forever.
      await files.delete(file.spaceId, file.fileId);
      report(`An image could not be uploaded: ${err.message}`);
      const entry = entries.get(key(file.spaceId, file.fileId));
      if (entry !== undefined) set(entry, { kind: 'failed', message: err.message });
      return true;
    }
    await files.delete(file.spaceId, file.fileId);
    const entry = entries.get(key(file.spaceId, file.fileId));
    if (entry?.url != null) set(entry, { kind: 'ready', url: entry.url, uploading: false });
    return true;
  };

  const flushOnce = async (): Promise<void> => {
    const files = await pendingFiles();
    if (files === null) return;
    for (const file of await files.list()) {
      if (!(await uploadOne(files, file))) {
        // Relay unreachable (or failing): try again later, oldest first.
        if (!destroyed && flushTimer === null) {
          flushTimer = setTimeout(() => {
            flushTimer = null;
            void flush();
          }, backoff(flushAttempt++));
        }
        return;
      }
    }
    flushAttempt = 0;
  };

  // A function, not an inline test: both flags change while a flush awaits.
  const again = (): boolean => flushAgain && !destroyed;

  const flush = async (): Promise<void> => {
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

  const online = () => {
    void flush();
    for (const entry of entries.values()) {
      if (entry.timer === null) continue;
      clearTimeout(entry.timer);
      void load(entry);
    }
  };
  options.win?.addEventListener('online', online);

  return {
    add: async (spaceId, file) => {
      if (options.owner() === null) return { ok: false, message: 'Sign in to add images.' };
      if (file.size > maxBytes) {
        return { ok: false, message: tooLarge(file.size, maxBytes) };
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const refused = refuseImage(bytes, file.type, maxBytes);
      const contentType = sniffImageType(bytes);
      if (refused !== null || contentType === null) {
        return { ok: false, message: refused?.message ?? 'Not an image.' };
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
          message: 'The image could not be kept on this device; nothing was added.',
        };
      }
      void flush();
      return { ok: true, fileId };
    },
    watch: (spaceId, fileId, listener) => {
      const k = key(spaceId, fileId);
      let entry = entries.get(k);
      if (entry === undefined) {
        entry = {
          spaceId,
          fileId,
          listeners: new Set(),
          state: { kind: 'loading' },
          url: null,
          timer: null,
          attempt: 0,
        };
        entries.set(k, entry);
        entry.listeners.add(listener);
        listener(entry.state);
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
        if (watched.timer !== null) clearTimeout(watched.timer);
        if (watched.url !== null) urls.revoke(watched.url);
        entries.delete(k);
      };
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
      if (flushTimer !== null) clearTimeout(flushTimer);
      for (const entry of entries.values()) {
        if (entry.timer !== null) clearTimeout(entry.timer);
        if (entry.url !== null) urls.revoke(entry.url);
      }
      entries.clear();
      void pending?.files.then((f) => {
        f.close();
      });
    },
  };
}
