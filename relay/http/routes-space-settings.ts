/**
 * Space settings: `PATCH /api/spaces/{id}` changes a
 * space's name, icon or description. Owners only (403 for other members and
 * for non-members, 404 for an unknown space), like membership changes.
 *
 * Members learn of the change by re-reading `GET /api/spaces`: the renderer
 * does so when its window regains focus or becomes visible, and the owner's
 * client at once from this route's answer. No fan-out message is sent: the
 * fan-out's membership channel exists to cut or downgrade open connections,
 * which a rename never needs, and a list refetch also catches changes made
 * while a client was offline.
 */
import { UpdateSpaceRequestSchema } from '../../shared/space-settings-api.ts';
import type { SpaceSettingsPatch } from '../spaces/types.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiRoute } from './api-types.ts';
import { spaceAndRole } from './route-access.ts';
import { HttpError } from './json.ts';

export const SPACE_SETTINGS_ROUTES: readonly ApiRoute[] = [
  {
    ...API.updateSpace,
    handle: async (deps, req) => {
      const { spaceId, role } = await spaceAndRole(deps, req);
      if (role !== 'owner') {
        throw new HttpError(403, 'forbidden', 'only owners of this space change its settings');
      }
      const body = UpdateSpaceRequestSchema.parse(req.body);
      const patch: SpaceSettingsPatch = {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.icon === undefined ? {} : { icon: body.icon }),
        ...(body.description === undefined ? {} : { description: body.description }),
      };
      const space = await deps.store.updateSpace(spaceId, patch);
      // Deleted between the check and the write: as unknown as before it.
      if (space === null) throw new HttpError(404, 'not_found', 'no such space');
      return { status: 200, body: space };
    },
  },
];
