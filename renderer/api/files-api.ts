import { ApiErrorSchema, httpBaseFromRelayUrl } from '../../shared/api.ts';
import { StoredFileSchema, type StoredFile } from '../../shared/files-api.ts';
import { ApiRequestError, type ApiCallOptions } from './api-call.ts';

/** Files of a space (issue 4 point 3: pasted images) on the relay. */
export interface FilesApi {
  /** Stores an image; the relay answers its content-hash id. */
  upload(spaceId: string, bytes: Uint8Array, contentType: string): Promise<StoredFile>;
  /** The bytes of a file, as a Blob of its type. */
  download(spaceId: string, fileId: string): Promise<Blob>;
}

const filesPath = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/files`;

async function failure(response: Response): Promise<ApiRequestError> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // not JSON: reported in words below
  }
  const parsed = ApiErrorSchema.safeParse(json);
  return parsed.success
    ? new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiRequestError(response.status, 'http', `The relay answered HTTP ${response.status}.`);
}

/**
 * The file calls. Like `createApiCall` (same token handling: a 401 is retried
 * once with a forced refresh; same errors), but with binary bodies, which
 * the JSON helper does not carry. The token travels in the Authorization
 * header only, never in a URL (so never in an `<img src>`): the editor shows
 * the bytes through a `blob:` URL.
 */
export function createFilesApi(options: ApiCallOptions): FilesApi {
  const base = httpBaseFromRelayUrl(options.relayUrl);

  const send = async (path: string, init: RequestInit, accept: string): Promise<Response> => {
    for (let attempt = 0; ; attempt += 1) {
      const token = await options.accessToken(attempt > 0 ? { forceRefresh: true } : undefined);
      if (token === null) throw new ApiRequestError(401, 'unauthorized', 'You are not signed in.');
      let response: Response;
      try {
        response = await options.fetch(new URL(path, base), {
          ...init,
          headers: {
            ...(init.headers as Record<string, string> | undefined),
            Authorization: `Bearer ${token.accessToken}`,
            Accept: accept,
          },
          credentials: 'omit',
        });
      } catch {
        throw new ApiRequestError(0, 'network', `Could not reach the relay at ${base}.`);
      }
      if (response.status === 401 && attempt === 0) continue;
      if (!response.ok) throw await failure(response);
      return response;
    }
  };

  return {
    upload: async (spaceId, bytes, contentType) => {
      const response = await send(
        filesPath(spaceId),
        {
          method: 'POST',
          headers: { 'Content-Type': contentType },
          body: new Blob([new Uint8Array(bytes)], { type: contentType }),
          cache: 'no-store',
        },
        'application/json',
      );
      const parsed = StoredFileSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) {
        throw new ApiRequestError(
          response.status,
          'invalid-response',
          'The relay sent an unexpected answer to an image upload.',
        );
      }
      return parsed.data;
    },
    download: async (spaceId, fileId) => {
      const response = await send(
        `${filesPath(spaceId)}/${encodeURIComponent(fileId)}`,
        // Files never change (content-addressed): the browser's cache may answer.
        { method: 'GET' },
        'image/*',
      );
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      return new Blob([await response.arrayBuffer()], { type });
    },
  };
}
