/**
 * Files of a space (pasted images), shared by the relay's
 * `POST/GET /api/spaces/{id}/files` and the renderer.
 *
 * A file is content-addressed: its id is the SHA-256 of its bytes in
 * base64url (RFC 4648 §5, no padding: 43 characters), so the same image
 * pasted twice is stored once, a client can name a file before it is
 * uploaded (offline), and a stored file never changes (cacheable forever).
 *
 * Only raster images whose first bytes match their declared type are
 * accepted: SVG can carry script, and a mismatched type is how a file gets
 * sniffed into something else.
 */
import { z } from 'zod';

/** Content types a space accepts, in the order the relay documents them. */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** A file id: base64url SHA-256, 43 characters. */
export const FILE_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const FileIdSchema = z.string().regex(FILE_ID_PATTERN, 'not a file id');

/** Answer of `POST /api/spaces/{id}/files`. */
export const StoredFileSchema = z.strictObject({
  fileId: FileIdSchema,
  contentType: z.enum(IMAGE_CONTENT_TYPES),
  bytes: z.number().int().nonnegative(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** The URI scheme of a file in exported Markdown: `![alt](commonplace-file:<fileId>)`. */
export const FILE_URI_SCHEME = 'commonplace-file:';

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string): number[] =>
  Array.from({ length: text.length }, (_c, i) => text.charCodeAt(i));

/**
 * The image type the first bytes of `bytes` announce (magic numbers: PNG
 * spec §5.2, JPEG SOI marker, GIF87a/89a, RIFF….WEBP), or null for anything
 * else (SVG and other text included).
 */
export function sniffImageType(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Whether `type` (a media type without parameters, lower case) is one a space accepts. */
export function isImageContentType(type: string): type is ImageContentType {
  return (IMAGE_CONTENT_TYPES as readonly string[]).includes(type);
}

/**
 * `GET /api/spaces/{id}/files/limits` (members): what this relay accepts, so
 * a client checks an image against the relay's own limit (an operator may
 * lower or raise `--max-file-bytes`) before keeping it for upload.
 */
export const FileLimitsSchema = z.strictObject({
  /** Largest image the relay stores, in bytes. */
  maxFileBytes: z.number().int().positive(),
  /** Bytes this space may still store, or null when the relay sets no quota. */
  spaceBytesLeft: z.number().int().nonnegative().nullable(),
});
export type FileLimits = z.infer<typeof FileLimitsSchema>;

/**
 * A file as `GET /api/spaces/{id}/files` lists it (owners): what the space
 * stores and counts against its quota, trashed files included until they are
 * purged. `DELETE /api/spaces/{id}/files/{fileId}` moves one to the trash
 * (owners; it stops being served), `POST …/files/{fileId}/restore` brings it
 * back. An image no note and no kept version refers to is collected by the
 * relay after a grace period, without anyone deleting it.
 */
export const FileInfoSchema = z.object({
  fileId: FileIdSchema,
  contentType: z.enum(IMAGE_CONTENT_TYPES),
  bytes: z.number().int().nonnegative(),
  /** Epoch milliseconds. */
  createdAt: z.number().int().nonnegative(),
  /** `sub` of the uploader. */
  createdBy: z.string(),
  /** When it was moved to the trash (epoch ms); null for a live file. */
  deletedAt: z.number().int().nonnegative().nullable(),
});
export type FileInfo = z.infer<typeof FileInfoSchema>;

export const FileListResponseSchema = z.object({
  files: z.array(FileInfoSchema),
  /** Bytes the space stores in all (its quota's count). */
  usedBytes: z.number().int().nonnegative(),
  /** Its quota in bytes; null: none. */
  quotaBytes: z.number().int().positive().nullable(),
});
export type FileListResponse = z.infer<typeof FileListResponseSchema>;
