import type { ImageContentType } from '../../shared/files-api.ts';
import type { MaybePromise } from '../storage/types.ts';

/** A stored file of a space (issue 4 point 3). */
export interface StoredFileData {
  readonly contentType: ImageContentType;
  readonly bytes: Uint8Array;
}

/**
 * Where the files of spaces live, keyed by (space, file id). File ids are
 * content hashes, so storing an id twice keeps the first copy (identical bytes).
 */
export interface FileStore {
  /** Stores the file unless the space already has it; `created` says which. */
  put(
    spaceId: string,
    fileId: string,
    file: StoredFileData,
    createdBy: string,
  ): MaybePromise<{ created: boolean }>;
  /** The file, or null when the space has no file with that id. */
  get(spaceId: string, fileId: string): MaybePromise<StoredFileData | null>;
  close(): MaybePromise<void>;
}
