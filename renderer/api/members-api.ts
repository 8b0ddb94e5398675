import {
  DirectoryResponseSchema,
  MembersResponseSchema,
  type Member,
  type Person,
  type Role,
} from '../../shared/api.ts';
import { createApiCall, required, type ApiCallOptions } from './api-call.ts';

/** Membership of a space and the people directory (issue 3 point 5, issue 4 point 1). */
export interface MembersApi {
  list(spaceId: string): Promise<Member[]>;
  /** Adds a person (an invitation) or changes a member's role. Owners only. */
  setRole(spaceId: string, userId: string, role: Role): Promise<void>;
  /** Owners remove anyone; anyone removes themselves; never the last owner. */
  remove(spaceId: string, userId: string): Promise<void>;
  /** People who have signed in whose id, name or email contains `q`. */
  searchDirectory(q: string): Promise<Person[]>;
}

const memberPath = (spaceId: string, userId: string) =>
  `/api/spaces/${encodeURIComponent(spaceId)}/members/${encodeURIComponent(userId)}`;

export function createMembersApi(options: ApiCallOptions): MembersApi {
  const call = createApiCall(options);
  return {
    list: async (spaceId) =>
      required(
        await call(
          'GET',
          `/api/spaces/${encodeURIComponent(spaceId)}/members`,
          MembersResponseSchema,
        ),
      ).members,
    setRole: async (spaceId, userId, role) => {
      await call('PUT', memberPath(spaceId, userId), null, { role });
    },
    remove: async (spaceId, userId) => {
      await call('DELETE', memberPath(spaceId, userId), null);
    },
    searchDirectory: async (q) =>
      required(
        await call(
          'GET',
          `/api/directory?${new URLSearchParams({ q }).toString()}`,
          DirectoryResponseSchema,
        ),
      ).people,
  };
}
