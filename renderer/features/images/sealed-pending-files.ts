import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { seal, unseal, type LocalKey } from '../../sync/index.ts';
import type { ImageContentType } from '../../../shared/files-api.ts';
import type { FileRefusal, PendingFile, PendingFiles } from './pending-files.ts';

/**
 * Pending images sealed with the person's local key (sync/local-crypto.ts:
 * AES-256-GCM, a fresh IV per record, database and record name as additional
 * data), so a copied profile folder shows no pasted screenshot. Only the
 * space id and the image's content hash stay readable: they are the record's
 * key, and the hash names the image without revealing it.
 */

/** What is stored: the key in the clear, everything else sealed. */
interface SealedRecord {
  readonly spaceId: string;
  readonly fileId: string;
  readonly sealed: Uint8Array;
}

/** The additional data of one image's record (binds it to this database and image). */
export const pendingLabel = (dbName: string, spaceId: string, fileId: string) =>
  `${dbName}\u0000pending/${spaceId}/${fileId}`;

function encodeFile(file: PendingFile): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeAny(encoder, {
    contentType: file.contentType,
    createdAt: file.createdAt,
    refused: file.refused === undefined ? null : { ...file.refused },
  });
  encoding.writeVarUint8Array(encoder, new Uint8Array(file.bytes));
  return encoding.toUint8Array(encoder);
}

interface SealedMeta {
  contentType: ImageContentType;
  createdAt: number;
  refused: FileRefusal | null;
}

function decodeFile(spaceId: string, fileId: string, plain: Uint8Array): PendingFile {
  const decoder = decoding.createDecoder(plain);
  const meta = decoding.readAny(decoder) as SealedMeta;
  const bytes = decoding.readVarUint8Array(decoder);
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return {
    spaceId,
    fileId,
    contentType: meta.contentType,
    createdAt: meta.createdAt,
    bytes: copy,
    ...(meta.refused === null ? {} : { refused: meta.refused }),
  };
}

export interface RecordStore {
  put(value: unknown): Promise<void>;
  get(key: [string, string]): Promise<unknown>;
  getAll(): Promise<unknown[]>;
  delete(key: [string, string]): Promise<void>;
  close(): void;
}

/** The pending images of one database, sealed under `key`. */
export function sealedPendingFiles(
  dbName: string,
  records: RecordStore,
  key: LocalKey,
): PendingFiles {
  const open = async (record: unknown): Promise<PendingFile> => {
    const r = record as SealedRecord;
    const plain = await unseal(key, r.sealed, pendingLabel(dbName, r.spaceId, r.fileId), dbName);
    return decodeFile(r.spaceId, r.fileId, plain);
  };
  return {
    put: async (file) => {
      const sealed = await seal(
        key,
        encodeFile(file),
        pendingLabel(dbName, file.spaceId, file.fileId),
      );
      const record: SealedRecord = { spaceId: file.spaceId, fileId: file.fileId, sealed };
      await records.put(record);
    },
    get: async (spaceId, fileId) => {
      const record = await records.get([spaceId, fileId]);
      return record === undefined ? null : open(record);
    },
    list: async () => {
      const all = await records.getAll();
      // One unreadable record (another key, tampered) hides only itself.
      const opened = await Promise.all(all.map((r) => open(r).catch(() => null)));
      return opened.filter((f): f is PendingFile => f !== null);
    },
    delete: (spaceId, fileId) => records.delete([spaceId, fileId]),
    close: () => {
      records.close();
    },
  };
}

/**
 * Pending images kept for the page's life only: the host can encrypt but has
 * no key store now, so nothing is written; an image pasted offline uploads
 * while the page stays open, like the notes themselves.
 */
export function memoryPendingFiles(): PendingFiles {
  const files = new Map<string, PendingFile>();
  const k = (spaceId: string, fileId: string) => `${spaceId}\u0000${fileId}`;
  return {
    put: (file) => {
      files.set(k(file.spaceId, file.fileId), file);
      return Promise.resolve();
    },
    get: (spaceId, fileId) => Promise.resolve(files.get(k(spaceId, fileId)) ?? null),
    list: () => Promise.resolve([...files.values()]),
    delete: (spaceId, fileId) => {
      files.delete(k(spaceId, fileId));
      return Promise.resolve();
    },
    close: () => undefined,
  };
}
