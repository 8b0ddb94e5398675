import { t } from '../i18n/index.ts';
import type { z } from 'zod';
import {
  FileLimitsSchema,
  StoredFileSchema,
  type FileLimits,
  type StoredFile,
} from '../../shared/files-api.ts';
import { API } from '../../shared/rest/index.ts';
import { ApiRequestError, createRawApiCall, type ApiCallOptions } from './api-call.ts';

/** Files of a space (pasted images) on the relay. */
export interface FilesApi {
  /** Stores an image; the relay answers its content-hash id. */
  upload(spaceId: string, bytes: Uint8Array, contentType: string): Promise<StoredFile>;
  /** The bytes of a file, as a Blob of its type. */
  download(spaceId: string, fileId: string): Promise<Blob>;
  /** What the relay accepts (`GET /api/spaces/{id}/files/limits`). */
  limits(spaceId: string): Promise<FileLimits>;
}

/**
 * The file calls, through `createRawApiCall` (same token handling and errors
 * as every REST call) with binary bodies. The token travels in the
 * Authorization header only, never in a URL (so never in an `<img src>`):
 * the editor shows the bytes through a `blob:` URL.
 */
export function createFilesApi(options: ApiCallOptions): FilesApi {
  const raw = createRawApiCall(options);

  const json = async <T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> => {
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      throw new ApiRequestError(response.status, 'invalid-response', t('api.unexpected', { what }));
    }
    return parsed.data;
  };

  return {
    upload: async (spaceId, bytes, contentType) => {
      const response = await raw(API.uploadFile, {
        params: { id: spaceId },
        accept: 'application/json',
        headers: { 'Content-Type': contentType },
        body: new Blob([new Uint8Array(bytes)], { type: contentType }),
        cache: 'no-store',
      });
      return json(response, StoredFileSchema, 'an image upload');
    },
    download: async (spaceId, fileId) => {
      // Files never change (content-addressed): the browser's cache may answer.
      const response = await raw(API.getFile, {
        params: { id: spaceId, fileId },
        accept: 'image/*',
      });
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      return new Blob([await response.arrayBuffer()], { type });
    },
    limits: async (spaceId) => {
      const response = await raw(API.getFileLimits, {
        params: { id: spaceId },
        accept: 'application/json',
        cache: 'no-store',
      });
      return json(response, FileLimitsSchema, 'a question about image limits');
    },
  };
}
