import {
  MySpacesResponseSchema,
  SpaceSchema,
  type MySpace,
  type Role,
  type Space,
} from '../../shared/api.ts';
import type { UpdateSpaceRequest } from '../../shared/space-settings-api.ts';
import { createApiCall, required, type ApiCallOptions } from './api-call.ts';

export { ApiRequestError } from './api-call.ts';

export type RelayApiOptions = ApiCallOptions;

/** The relay's REST API as the renderer uses it (issue 3 point 5). */
export interface RelayApi {
  listSpaces(): Promise<MySpace[]>;
  createSpace(name: string): Promise<Space>;
  setMember(spaceId: string, userId: string, role: Role): Promise<void>;
  /** Changes a space's name, icon or description (owners only; issue 4 point 1). */
  updateSpace(spaceId: string, patch: UpdateSpaceRequest): Promise<Space>;
}

/** The spaces calls; see `createApiCall` for tokens, validation and errors. */
export function createRelayApi(options: RelayApiOptions): RelayApi {
  const call = createApiCall(options);

  return {
    listSpaces: async () =>
      required(await call('GET', '/api/spaces', MySpacesResponseSchema)).spaces,
    createSpace: async (name) => required(await call('POST', '/api/spaces', SpaceSchema, { name })),
    setMember: async (spaceId, userId, role) => {
      await call(
        'PUT',
        `/api/spaces/${encodeURIComponent(spaceId)}/members/${encodeURIComponent(userId)}`,
        null,
        { role },
      );
    },
    updateSpace: async (spaceId, patch) =>
      required(
        await call('PATCH', `/api/spaces/${encodeURIComponent(spaceId)}`, SpaceSchema, patch),
      ),
  };
}
