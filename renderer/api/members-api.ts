import type { Member, Person, Role } from '../../shared/api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** Membership of a space and the people directory. */
export interface MembersApi {
  list(spaceId: string): Promise<Member[]>;
  /** Adds a person (an invitation) or changes a member's role. Owners only. */
  setRole(spaceId: string, userId: string, role: Role): Promise<void>;
  /** Owners remove anyone; anyone removes themselves; never the last owner. */
  remove(spaceId: string, userId: string): Promise<void>;
  /** People who have signed in whose id, name or email contains `q`. */
  searchDirectory(q: string): Promise<Person[]>;
}

export function createMembersApi(options: ApiCallOptions): MembersApi {
  const call = createApiCall(options);
  return {
    list: async (spaceId) => (await call(API.listMembers, { params: { id: spaceId } })).members,
    setRole: async (spaceId, userId, role) => {
      await call(API.setMember, { params: { id: spaceId, userId }, body: { role } });
    },
    remove: async (spaceId, userId) => {
      await call(API.removeMember, { params: { id: spaceId, userId } });
    },
    searchDirectory: async (q) => (await call(API.searchDirectory, { query: { q } })).people,
  };
}
