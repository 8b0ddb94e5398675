import type { MySpace } from '../../shared/api.ts';
import type {
  OpenSpace,
  SetSpaceVisibilityRequest,
  SpaceVisibility,
} from '../../shared/open-spaces-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** The company's space directory, joining and leaving, and a space's visibility (the relay judges each). */
export interface OpenSpacesApi {
  /** Open spaces whose name or description contains `q`. */
  list(q: string): Promise<OpenSpace[]>;
  /** Joins an open space; the space with the role it gave. */
  join(spaceId: string): Promise<MySpace>;
  /** Leaves a space (refused for its last owner). */
  leave(spaceId: string): Promise<void>;
  visibility(spaceId: string): Promise<SpaceVisibility>;
  /** Owners only. */
  setVisibility(spaceId: string, value: SetSpaceVisibilityRequest): Promise<SpaceVisibility>;
}

export function createOpenSpacesApi(options: ApiCallOptions): OpenSpacesApi {
  const call = createApiCall(options);
  return {
    list: async (q) => (await call(API.listOpenSpaces, { query: { q } })).spaces,
    join: (spaceId) => call(API.joinSpace, { params: { id: spaceId } }),
    leave: async (spaceId) => {
      await call(API.leaveSpace, { params: { id: spaceId } });
    },
    visibility: (spaceId) => call(API.getSpaceVisibility, { params: { id: spaceId } }),
    setVisibility: (spaceId, value) =>
      call(API.setSpaceVisibility, { params: { id: spaceId }, body: value }),
  };
}
