/** A space's name, icon and description. */
import { SpaceSchema } from '../api.ts';
import { UpdateSpaceRequestSchema } from '../space-settings-api.ts';
import { defineRoutes } from './contract.ts';

export const SPACE_SETTINGS_ROUTES = defineRoutes({
  updateSpace: {
    method: 'PATCH',
    path: '/api/spaces/{id}',
    operationId: 'updateSpace',
    summary:
      'Changes a space’s name, icon or description (owners only). Fields left out keep their value; null clears the icon or the description.',
    auth: true,
    body: UpdateSpaceRequestSchema,
    responses: { 200: { description: 'the space as now stored', schema: SpaceSchema } },
    errors: [403, 404],
  },
});
