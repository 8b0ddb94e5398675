import type { ImageContentType } from '../../../shared/files-api.ts';

/** An image pasted here whose upload the relay has not confirmed (or has refused). */
export interface PendingFile {
  readonly spaceId: string;
  readonly fileId: string;
  readonly contentType: ImageContentType;
  readonly bytes: ArrayBuffer;
  readonly createdAt: number;
  /**
   * Set when the relay refused the upload for good (no longer an editor, too
   * large for this relay, id mismatch): the bytes stay here so nothing is
   * lost; the upload is only tried again when the person asks.
   */
  readonly refused?: FileRefusal;
}

/** Why the relay refused an image, as shown on the image. */
export interface FileRefusal {
  /** HTTP status of the refusal (0 for a check made here). */
  readonly status: number;
  readonly message: string;
  readonly at: number;
}

/** Pending uploads of one person, kept in IndexedDB until the relay has them. */
export interface PendingFiles {
  put(file: PendingFile): Promise<void>;
  get(spaceId: string, fileId: string): Promise<PendingFile | null>;
  list(): Promise<PendingFile[]>;
  delete(spaceId: string, fileId: string): Promise<void>;
  close(): void;
}

const STORE = 'pending';

/**
 * The database of `owner`'s pending images: `commonplace/<sub>/files`, beside
 * the documents' `commonplace/<sub>/<spaceId>/<docId>` (sync/local-store.ts),
 * so two people sharing a browser profile never upload each other's images.
 */
export function pendingFilesDbName(owner: string): string {
  return `commonplace/${encodeURIComponent(owner)}/files`;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('IndexedDB request failed'));
    };
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onerror = () => {
      reject(tx.error ?? new Error('IndexedDB transaction failed'));
    };
    tx.onabort = () => {
      reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    };
  });
}

/** Opens (creating on first use) `owner`'s pending images. */
export async function openPendingFiles(
  owner: string,
  factory: IDBFactory = indexedDB,
): Promise<PendingFiles> {
  const request = factory.open(pendingFilesDbName(owner), 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STORE, { keyPath: ['spaceId', 'fileId'] });
  };
  const db = await done(request);
  const run = async <T>(
    mode: IDBTransactionMode,
    body: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const tx = db.transaction(STORE, mode);
    const result = done(body(tx.objectStore(STORE)));
    // Resolved only once committed: a put is durable before the image enters the note.
    await committed(tx);
    return result;
  };
  return {
    put: async (file) => {
      await run('readwrite', (store) => store.put(file));
    },
    get: async (spaceId, fileId) =>
      ((await run('readonly', (store) => store.get([spaceId, fileId]))) as
        PendingFile | undefined) ?? null,
    list: async () => (await run('readonly', (store) => store.getAll())) as PendingFile[],
    delete: async (spaceId, fileId) => {
      await run('readwrite', (store) => store.delete([spaceId, fileId]));
    },
    close: () => {
      db.close();
    },
  };
}
