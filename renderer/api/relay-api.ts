import type { MySpace, Role, Space } from '../../shared/api.ts';
import { API } from '../../shared/rest/index.ts';
import type { UpdateSpaceRequest } from '../../shared/space-settings-api.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

export { ApiRequestError } from './api-call.ts';

export type RelayApiOptions = ApiCallOptions;

/** The relay's REST API as the renderer uses it for spaces. */
export interface RelayApi {
  listSpaces(): Promise<MySpace[]>;
  createSpace(name: string): Promise<Space>;
  setMember(spaceId: string, userId: string, role: Role): Promise<void>;
  /** Changes a space's name, icon or description (owners only). */
  updateSpace(spaceId: string, patch: UpdateSpaceRequest): Promise<Space>;
}

/** The spaces calls; see `createApiCall` for tokens, validation and errors. */
export function createRelayApi(options: RelayApiOptions): RelayApi {
  const call = createApiCall(options);
  return {
    listSpaces: async () => (await call(API.listSpaces)).spaces,
    createSpace: (name) => call(API.createSpace, { body: { name } }),
    setMember: async (spaceId, userId, role) => {
      await call(API.setMember, { params: { id: spaceId, userId }, body: { role } });
    },
    updateSpace: (spaceId, patch) =>
      call(API.updateSpace, { params: { id: spaceId }, body: patch }),
  };
}
