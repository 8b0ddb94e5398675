/**
 * Deleting into a recoverable trash, owners only. A deleted space is gone
 * for everyone at once (404 on every route, open sockets closed with 4403 as
 * for a removed member, absent from `GET /api/spaces`) but kept whole: its
 * owners see it in `GET /api/trash/spaces` and may restore it until
 * `trashRetentionMs` has passed, when the maintenance job (relay/trash)
 * purges it with everything it stored. A deleted file stops being served and
 * is restorable the same way. Shapes in shared/space-settings-api.ts and
 * shared/files-api.ts.
 */
import { FILE_ID_PATTERN } from '../../shared/files-api.ts';
import { ID_PATTERN } from '../../shared/wire.ts';
import { EVERYONE_IN_SPACE } from '../fanout/types.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { memberOf, param, spaceAndRole } from './route-access.ts';

async function ownerOf(deps: ApiDeps, req: ApiRequest, what: string): Promise<string> {
  const { spaceId, role } = await spaceAndRole(deps, req);
  if (role !== 'owner') throw new HttpError(403, 'forbidden', `only owners of this space ${what}`);
  return spaceId;
}

function fileIdOf(req: ApiRequest): string {
  const fileId = param(req, 'fileId');
  if (!FILE_ID_PATTERN.test(fileId)) {
    throw new HttpError(400, 'invalid_file_id', 'a file id is 43 base64url characters');
  }
  return fileId;
}

export const TRASH_ROUTES: readonly ApiRoute[] = [
  {
    ...API.deleteSpace,
    handle: async (deps, req) => {
      const spaceId = await ownerOf(deps, req, 'delete it');
      const space = await deps.store.getSpace(spaceId);
      const members = await deps.store.members(spaceId);
      const deletedAt = deps.now();
      if (space === null || !(await deps.store.trashSpace(spaceId, deletedAt))) {
        throw new HttpError(404, 'not_found', 'no such space');
      }
      // Open sockets of every member close, as for a removed member.
      for (const member of members) {
        deps.publishMembership({ spaceId, userId: member.id, role: null });
      }
      // And those of readers of an open space who never joined: the access stage refuses them now.
      deps.publishMembership({ spaceId, userId: EVERYONE_IN_SPACE, role: null });
      return {
        status: 200,
        body: { space, deletedAt, purgeAt: deletedAt + deps.trashRetentionMs },
      };
    },
  },
  {
    ...API.listTrashedSpaces,
    handle: async (deps, req) => {
      const trashed = await deps.store.trashOf(req.principal.id);
      const spaces = trashed.map((t) => ({
        space: t.space,
        deletedAt: t.deletedAt,
        purgeAt: t.deletedAt + deps.trashRetentionMs,
      }));
      return { status: 200, body: { spaces } };
    },
  },
  {
    ...API.restoreSpace,
    handle: async (deps, req) => {
      const spaceId = param(req, 'id');
      // Only an owner's trash holds it: 404 for anyone else, as for a space that is gone.
      const mine = ID_PATTERN.test(spaceId)
        ? (await deps.store.trashOf(req.principal.id)).find((t) => t.space.id === spaceId)
        : undefined;
      if (mine === undefined || !(await deps.store.restoreSpace(spaceId))) {
        throw new HttpError(404, 'not_found', 'no such space in your trash');
      }
      const space = await deps.store.getSpace(spaceId);
      if (space === null) throw new HttpError(404, 'not_found', 'no such space in your trash');
      return { status: 200, body: space };
    },
  },
  {
    ...API.listFiles,
    handle: async (deps, req) => {
      const { spaceId } = await memberOf(deps, req);
      return {
        status: 200,
        body: {
          files: await deps.files.list(spaceId),
          usedBytes: await deps.files.usedBytes(spaceId),
          quotaBytes: deps.spaceFileQuotaBytes,
        },
      };
    },
  },
  {
    ...API.deleteFile,
    handle: async (deps, req) => {
      const spaceId = await ownerOf(deps, req, 'delete its files');
      const fileId = fileIdOf(req);
      if (!(await deps.files.trash(spaceId, fileId, deps.now()))) {
        throw new HttpError(404, 'not_found', 'no such file in this space');
      }
      return { status: 204 };
    },
  },
  {
    ...API.restoreFile,
    handle: async (deps, req) => {
      const spaceId = await ownerOf(deps, req, 'restore its files');
      const fileId = fileIdOf(req);
      if (!(await deps.files.restore(spaceId, fileId))) {
        throw new HttpError(404, 'not_found', 'no such file in the trash of this space');
      }
      return { status: 204 };
    },
  },
];
