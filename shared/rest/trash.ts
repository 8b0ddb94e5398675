/** Deleting spaces and files into a trash their owners can restore from. */
import { SpaceSchema } from '../api.ts';
import { FileListResponseSchema } from '../files-api.ts';
import {
  TRASHED_SPACES_PATH,
  TrashedSpaceSchema,
  TrashedSpacesResponseSchema,
} from '../space-settings-api.ts';
import { defineRoutes } from './contract.ts';

export const TRASH_ROUTES = defineRoutes({
  deleteSpace: {
    method: 'DELETE',
    path: '/api/spaces/{id}',
    operationId: 'deleteSpace',
    summary:
      'Moves a space to its owners’ trash (owners only): gone for every member at once, restorable until `purgeAt`, then purged with its documents, versions and files.',
    auth: true,
    responses: { 200: { description: 'the trashed space', schema: TrashedSpaceSchema } },
    errors: [403, 404],
  },
  listTrashedSpaces: {
    method: 'GET',
    path: TRASHED_SPACES_PATH,
    operationId: 'listTrashedSpaces',
    summary:
      'The deleted spaces the caller owns, most recently deleted first, with when each is purged.',
    auth: true,
    responses: { 200: { description: 'the trash', schema: TrashedSpacesResponseSchema } },
    errors: [],
  },
  restoreSpace: {
    method: 'POST',
    path: `${TRASHED_SPACES_PATH}/{id}/restore`,
    operationId: 'restoreSpace',
    summary:
      'Brings a deleted space back from the trash (its owners only), with its members, documents, versions and files.',
    auth: true,
    responses: { 200: { description: 'the restored space', schema: SpaceSchema } },
    errors: [404],
  },
  listFiles: {
    method: 'GET',
    path: '/api/spaces/{id}/files',
    operationId: 'listFiles',
    summary:
      'The files a space stores, trashed ones included, with the bytes they count against its quota (members, viewers included).',
    auth: true,
    responses: { 200: { description: 'the files', schema: FileListResponseSchema } },
    errors: [403, 404],
  },
  deleteFile: {
    method: 'DELETE',
    path: '/api/spaces/{id}/files/{fileId}',
    operationId: 'deleteFile',
    summary:
      'Moves a file of a space to the trash (owners only): it is no longer served, restorable until purged `trashRetentionMs` later.',
    auth: true,
    responses: { 204: { description: 'trashed' } },
    errors: [400, 403, 404],
  },
  restoreFile: {
    method: 'POST',
    path: '/api/spaces/{id}/files/{fileId}/restore',
    operationId: 'restoreFile',
    summary: 'Brings a trashed file of a space back (owners only).',
    auth: true,
    responses: { 204: { description: 'restored' } },
    errors: [400, 403, 404],
  },
});
