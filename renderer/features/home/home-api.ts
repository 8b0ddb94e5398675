import type { DocMarker } from '../../../shared/api.ts';
import { API } from '../../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from '../../api/index.ts';

/** What Home asks the relay: who changed which note of a space last. */
export interface HomeApi {
  /** The relay's change markers of a space's notes (`GET /api/spaces/{id}/docs`). */
  docMarkers(spaceId: string): Promise<readonly DocMarker[]>;
}

export function createHomeApi(options: ApiCallOptions): HomeApi {
  const call = createApiCall(options);
  return {
    docMarkers: async (spaceId) =>
      (await call(API.listDocMarkers, { params: { id: spaceId } })).docs,
  };
}
