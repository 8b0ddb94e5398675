import type { ImageContentType } from '../../../shared/files-api.ts';
import type { LocalProtection } from '../../sync/index.ts';
import {
  memoryPendingFiles,
  sealedPendingFiles,
  type RecordStore,
} from './sealed-pending-files.ts';

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

function openRecords(factory: IDBFactory, name: string): Promise<RecordStore> {
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STORE, { keyPath: ['spaceId', 'fileId'] });
  };
  return done(request).then((db) => {
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
      put: async (value) => {
        await run('readwrite', (store) => store.put(value));
      },
      get: (key) => run('readonly', (store) => store.get(key)) as Promise<unknown>,
      getAll: () => run('readonly', (store) => store.getAll()) as Promise<unknown[]>,
      delete: async (key) => {
        await run('readwrite', (store) => store.delete(key));
      },
      close: () => {
        db.close();
      },
    };
  });
}

/**
 * Opens (creating on first use) `owner`'s pending images, kept as the host
 * allows (sync/local-store.ts `LocalProtection`): sealed with the person's
 * key in `…/files#sealed`, plain, or in memory only. With a key, images a
 * plain database still holds from before are sealed and the plain one deleted;
 * with none, they upload from memory and the plain one goes after the last.
 */
export async function openPendingFiles(
  owner: string,
  factory: IDBFactory = indexedDB,
  protection: Promise<LocalProtection> = Promise.resolve({ kind: 'plain' }),
): Promise<PendingFiles> {
  const p = await protection;
  const plainName = pendingFilesDbName(owner);
  if (p.kind === 'none') return releasePlainLeftovers(factory, plainName);
  if (p.kind === 'plain') {
    const records = await openRecords(factory, plainName);
    return {
      put: (file) => records.put(file),
      get: async (spaceId, fileId) =>
        ((await records.get([spaceId, fileId])) as PendingFile | undefined) ?? null,
      list: async () => (await records.getAll()) as PendingFile[],
      delete: (spaceId, fileId) => records.delete([spaceId, fileId]),
      close: () => {
        records.close();
      },
    };
  }
  const sealedName = `${plainName}#sealed`;
  const files = sealedPendingFiles(sealedName, await openRecords(factory, sealedName), p.key);
  await sealLeftovers(factory, plainName, files);
  return files;
}

/** Seals what a plain database holds (written before this device had a key), then deletes it. */
async function sealLeftovers(factory: IDBFactory, plainName: string, into: PendingFiles) {
  const plain = await openRecords(factory, plainName);
  let leftovers: PendingFile[];
  try {
    leftovers = (await plain.getAll()) as PendingFile[];
  } finally {
    plain.close();
  }
  // Each image is sealed and committed before the plain copy goes: an
  // interruption leaves it in one of the two, never in neither.
  for (const file of leftovers) await into.put(file);
  await done(factory.deleteDatabase(plainName));
}

/**
 * No key store, and plain storage no longer allowed (the policy became
 * `required`): images a plain database still holds upload from memory, and
 * the plain database is deleted once the last of them has left the queue,
 * not before, so an image pasted on a plane survives a restart until then.
 */
async function releasePlainLeftovers(
  factory: IDBFactory,
  plainName: string,
): Promise<PendingFiles> {
  const memory = memoryPendingFiles();
  const plain = await openRecords(factory, plainName);
  let leftovers: PendingFile[];
  try {
    leftovers = (await plain.getAll()) as PendingFile[];
  } finally {
    plain.close();
  }
  for (const file of leftovers) await memory.put(file);
  const key = (spaceId: string, fileId: string) => `${spaceId}\u0000${fileId}`;
  const waiting = new Set(leftovers.map((f) => key(f.spaceId, f.fileId)));
  const dropPlain = () => done(factory.deleteDatabase(plainName)).catch(() => undefined);
  if (waiting.size === 0) await dropPlain();
  return {
    ...memory,
    delete: async (spaceId, fileId) => {
      await memory.delete(spaceId, fileId);
      if (waiting.delete(key(spaceId, fileId)) && waiting.size === 0) await dropPlain();
    },
  };
}
