/**
 * Files of a space (pasted images).
 *
 * - `POST /api/spaces/{id}/files` (editors and owners): the body is the
 *   image's bytes with its `content-type`. Only PNG, JPEG, GIF and WebP whose
 *   first bytes match the declared type (SVG can carry script: refused, 415).
 *   The id is the SHA-256 of the bytes (shared/files-api.ts), computed here,
 *   so the same image twice is stored once and ids cannot be chosen by a client.
 * - `GET /api/spaces/{id}/files/{fileId}` (every member, viewers included):
 *   the bytes, with headers that keep a browser from treating them as
 *   anything but an image of the stored type (nosniff, a sandboxing CSP for
 *   a file opened directly) and let it cache them forever (content-addressed),
 *   privately (members only).
 * - `GET /api/spaces/{id}/files/limits` (every member): the relay's
 *   `maxFileBytes` and the bytes the space may still store, so a client
 *   checks an image against the real limits before keeping it for upload.
 *   Listed before `…/files/{fileId}`: the first matching route wins.
 *
 * Each space may store `spaceFileQuotaBytes` of files in all (413
 * `quota_exceeded` past it); a file the space has already costs nothing.
 *
 * Access is checked before the body is read: a non-member's upload is
 * refused without buffering it.
 */
import { createHash } from 'node:crypto';
import {
  FILE_ID_PATTERN,
  sniffImageType,
  type FileLimits,
  type StoredFile,
} from '../../shared/files-api.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiRoute } from './api-types.ts';
import { memberOf } from './route-access.ts';
import { HttpError } from './json.ts';

/** Headers of every file answer (see the module comment). */
export const FILE_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'private, max-age=31536000, immutable',
  'content-disposition': 'inline',
};

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function quotaExceeded(quotaBytes: number, usedBytes: number, fileBytes: number): HttpError {
  return new HttpError(
    413,
    'quota_exceeded',
    `this space's files are full: it stores ${mib(usedBytes)} of its ${mib(quotaBytes)}, and this image needs ${mib(fileBytes)}`,
  );
}

export const FILE_ROUTES: readonly ApiRoute[] = [
  {
    ...API.uploadFile,
    rawBodyMaxBytes: (deps) => deps.maxFileBytes,
    handle: async (deps, req) => {
      const { spaceId, role } = await memberOf(deps, req);
      if (role === 'viewer') {
        throw new HttpError(403, 'forbidden', 'viewers cannot add images to this space');
      }
      if (req.readRawBody === undefined) throw new Error('uploadFile needs a raw body');
      const { contentType, bytes } = await req.readRawBody();
      const sniffed = sniffImageType(bytes);
      if (sniffed !== contentType) {
        throw new HttpError(
          415,
          'content_mismatch',
          sniffed === null
            ? `the body is not a ${contentType} image`
            : `the body is a ${sniffed} image, not ${contentType}`,
        );
      }
      const fileId = createHash('sha256').update(bytes).digest('base64url');
      const quota = deps.spaceFileQuotaBytes;
      const stored = await deps.files.put(
        spaceId,
        fileId,
        { contentType: sniffed, bytes },
        req.principal.id,
        quota,
      );
      if (stored.status === 'quota-exceeded' && quota !== null) {
        throw quotaExceeded(quota, stored.usedBytes, bytes.byteLength);
      }
      const body: StoredFile = { fileId, contentType: sniffed, bytes: bytes.byteLength };
      return { status: 201, body };
    },
  },
  {
    ...API.getFileLimits,
    handle: async (deps, req) => {
      const { spaceId } = await memberOf(deps, req);
      const quota = deps.spaceFileQuotaBytes;
      const body: FileLimits = {
        maxFileBytes: deps.maxFileBytes,
        spaceBytesLeft:
          quota === null ? null : Math.max(0, quota - (await deps.files.usedBytes(spaceId))),
      };
      return { status: 200, body };
    },
  },
  {
    ...API.getFile,
    handle: async (deps, req) => {
      const { spaceId } = await memberOf(deps, req);
      const fileId = req.params['fileId'] ?? '';
      if (!FILE_ID_PATTERN.test(fileId)) {
        throw new HttpError(400, 'invalid_file_id', 'a file id is 43 base64url characters');
      }
      const file = await deps.files.get(spaceId, fileId);
      if (file === null) throw new HttpError(404, 'not_found', 'no such file in this space');
      return {
        status: 200,
        raw: { contentType: file.contentType, bytes: file.bytes, headers: FILE_RESPONSE_HEADERS },
      };
    },
  },
];
