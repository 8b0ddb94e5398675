/** Images of a space, stored by content hash. */
import { FileLimitsSchema, IMAGE_CONTENT_TYPES, StoredFileSchema } from '../files-api.ts';
import { defineRoutes } from './contract.ts';

export const FILE_ROUTES = defineRoutes({
  uploadFile: {
    method: 'POST',
    path: '/api/spaces/{id}/files',
    operationId: 'uploadFile',
    summary:
      'Stores an image in a space (editors and owners). The body is the image itself, PNG, JPEG, GIF or WebP, and its first bytes must match the declared content type. The id is the SHA-256 of the bytes (base64url), so the same image is stored once.',
    auth: true,
    rawBody: {
      contentTypes: IMAGE_CONTENT_TYPES,
      description: 'the image bytes; at most `maxFileBytes` (10 MiB by default)',
    },
    responses: { 201: { description: 'the stored file', schema: StoredFileSchema } },
    errors: [403, 404, 503],
  },
  getFileLimits: {
    method: 'GET',
    path: '/api/spaces/{id}/files/limits',
    operationId: 'getFileLimits',
    summary:
      'What this relay accepts from a space (members, viewers included): the largest image, and the bytes the space may still store (null: no quota).',
    auth: true,
    responses: { 200: { description: 'the limits', schema: FileLimitsSchema } },
    errors: [403, 404],
  },
  getFile: {
    method: 'GET',
    path: '/api/spaces/{id}/files/{fileId}',
    operationId: 'getFile',
    summary:
      'The bytes of a file of a space (members, viewers included), with its content type; cacheable forever, privately, since a file id names its content.',
    auth: true,
    responses: {
      200: { description: 'the file', rawContentTypes: IMAGE_CONTENT_TYPES },
    },
    errors: [400, 403, 404],
  },
});
