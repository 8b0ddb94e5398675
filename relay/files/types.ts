import type { ImageContentType } from '../../shared/files-api.ts';
import type { MaybePromise } from '../storage/types.ts';

/** A stored file of a space (a pasted image). */
export interface StoredFileData {
  readonly contentType: ImageContentType;
  readonly bytes: Uint8Array;
}

/** A file as a space's file list shows it. */
export interface FileInfo {
  readonly fileId: string;
  readonly contentType: ImageContentType;
  readonly bytes: number;
  readonly createdAt: number;
  readonly createdBy: string;
  /** When it was moved to the trash (epoch ms); null for a live file. */
  readonly deletedAt: number | null;
}

/** What `FileStore.put` did. */
export type PutFileResult =
  | { readonly status: 'created' }
  /** The space had the file already (a trashed copy is restored): nothing stored, nothing counted against its quota. */
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
  /** The file, or null when the space has no file with that id (or it is in the trash). */
  get(spaceId: string, fileId: string): MaybePromise<StoredFileData | null>;
  /** Every file the space stores, trashed ones included, newest first, without bytes. */
  list(spaceId: string): MaybePromise<FileInfo[]>;
  /** Moves a live file to the trash at `at`; false when there is no such live file. */
  trash(spaceId: string, fileId: string, at: number): MaybePromise<boolean>;
  /** Brings a trashed file back; false when it is not in the trash. */
  restore(spaceId: string, fileId: string): MaybePromise<boolean>;
  /** Deletes files in the trash since `before` or earlier; how many. */
  purgeTrashed(before: number): MaybePromise<number>;
  /** Deletes every file of a space (its trash time is over). */
  purgeSpace(spaceId: string): MaybePromise<void>;
  /** Ids of the spaces that store at least one file. */
  spacesWithFiles(): MaybePromise<string[]>;
  /**
   * One pass of image collection for a space: live files in `referenced`
   * are marked referenced; the others are marked unreferenced from `now`
   * if they were not already, and deleted once unreferenced for `graceMs`.
   * Returns the ids deleted. One transaction: an upload meanwhile waits.
   */
  collect(
    spaceId: string,
    referenced: ReadonlySet<string>,
    now: number,
    graceMs: number,
  ): MaybePromise<string[]>;
  close(): MaybePromise<void>;
}
