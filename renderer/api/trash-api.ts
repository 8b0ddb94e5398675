import type { Space } from '../../shared/api.ts';
import type { TrashedSpace } from '../../shared/space-settings-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** Deleting a space into its owners' trash and bringing it back; see shared/space-settings-api.ts. */
export interface TrashApi {
  /** Moves a space to the trash (owners only). */
  deleteSpace(spaceId: string): Promise<TrashedSpace>;
  /** The deleted spaces the caller owns, most recent first. */
  list(): Promise<TrashedSpace[]>;
  /** Brings a deleted space back (its owners only). */
  restoreSpace(spaceId: string): Promise<Space>;
}

export function createTrashApi(options: ApiCallOptions): TrashApi {
  const call = createApiCall(options);
  return {
    deleteSpace: (spaceId) => call(API.deleteSpace, { params: { id: spaceId } }),
    list: async () => (await call(API.listTrashedSpaces)).spaces,
    restoreSpace: (spaceId) => call(API.restoreSpace, { params: { id: spaceId } }),
  };
}
