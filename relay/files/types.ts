import type { ImageContentType } from '../../shared/files-api.ts';
import type { MaybePromise } from '../storage/types.ts';

/** A stored file of a space (issue 4 point 3). */
export interface StoredFileData {
  readonly contentType: ImageContentType;
  readonly bytes: Uint8Array;
}

/** What `FileStore.put` did. */
export type PutFileResult =
  | { readonly status: 'created' }
  /** The space had the file already: nothing stored, nothing counted against its quota. */
  | { readonly status: 'exists' }
  /** Storing it would pass the space's quota: nothing stored. */
  | { readonly status: 'quota-exceeded'; readonly usedBytes: number };

/**
 * Where the files of spaces live, keyed by (space, file id). File ids are
 * content hashes, so storing an id twice keeps the first copy (identical bytes).
 */
export interface FileStore {
  /**
   * Stores the file unless the space already has it, and only if the space's
   * files then total at most `quotaBytes` (null: no quota). The check and the
   * insert are one step: two uploads cannot both pass the last free bytes.
   */
  put(
    spaceId: string,
    fileId: string,
    file: StoredFileData,
    createdBy: string,
    quotaBytes: number | null,
  ): MaybePromise<PutFileResult>;
  /** Bytes of all the files a space stores. */
  usedBytes(spaceId: string): MaybePromise<number>;
  /** The file, or null when the space has no file with that id. */
  get(spaceId: string, fileId: string): MaybePromise<StoredFileData | null>;
  close(): MaybePromise<void>;
}
