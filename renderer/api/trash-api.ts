import { SpaceSchema, type Space } from '../../shared/api.ts';
import {
  restoreSpacePath,
  TRASHED_SPACES_PATH,
  TrashedSpaceSchema,
  TrashedSpacesResponseSchema,
  type TrashedSpace,
} from '../../shared/space-settings-api.ts';
import { createApiCall, required, type ApiCallOptions } from './api-call.ts';

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
    deleteSpace: async (spaceId) =>
      required(
        await call('DELETE', `/api/spaces/${encodeURIComponent(spaceId)}`, TrashedSpaceSchema),
      ),
    list: async () =>
      required(await call('GET', TRASHED_SPACES_PATH, TrashedSpacesResponseSchema)).spaces,
    restoreSpace: async (spaceId) =>
      required(await call('POST', restoreSpacePath(spaceId), SpaceSchema)),
  };
}
