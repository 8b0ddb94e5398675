/**
 * Members of a space.
 * - Members, and only members, may list a space's members; an unknown space is
 *   404, a space the caller is not in is 403.
 * - `PUT …/members/{userId}` adds or changes a member. The person must be
 *   known to the relay (signed in at least once, so they are in the
 *   directory); otherwise 404 `unknown_person`: a typo never grants access to
 *   an id nobody holds. Demoting the last owner is 409 `last_owner`. Adding
 *   someone from outside the company to a space whose classification label
 *   forbids it is 403 `classification_forbids_external_sharing`.
 * - `DELETE …/members/{userId}`: owners remove anyone; anyone removes
 *   themselves; the last owner cannot leave (409 `last_owner`).
 */
import { SetMemberRequestSchema } from '../../shared/api.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { memberOf, param, spaceAndRole } from './route-access.ts';

function lastOwner(): HttpError {
  return new HttpError(
    409,
    'last_owner',
    'a space must keep an owner: make someone else owner first',
  );
}

export const MEMBER_ROUTES: readonly ApiRoute[] = [
  {
    ...API.listMembers,
    handle: async (deps, req) => {
      const { spaceId } = await memberOf(deps, req);
      return { status: 200, body: { members: await deps.store.members(spaceId) } };
    },
  },
  {
    ...API.setMember,
    handle: async (deps, req) => {
      const { spaceId, role } = await spaceAndRole(deps, req);
      if (role !== 'owner') {
        throw new HttpError(403, 'forbidden', 'only owners of this space change its members');
      }
      const userId = param(req, 'userId');
      const person = await deps.store.getPerson(userId);
      if (person === null) {
        throw new HttpError(
          404,
          'unknown_person',
          'no such person: they must sign in to Commonplace once before they can be added',
        );
      }
      const newRole = SetMemberRequestSchema.parse(req.body).role;
      const wasMember = (await deps.store.roleOf(spaceId, userId)) !== null;
      // The space's label may forbid adding people from outside the company (403).
      if (!wasMember) await deps.classification.checkNewMember(spaceId, person.email);
      if ((await deps.store.setRole(spaceId, userId, newRole)) === 'last-owner') throw lastOwner();
      deps.publishMembership({ spaceId, userId, role: newRole });
      if (!wasMember) {
        deps.webhooks?.memberAdded(spaceId, req.principal.id, userId, newRole);
        await deps.notifications?.spaceAdded(spaceId, req.principal.id, userId);
      }
      return { status: 200, body: { ...person, role: newRole } };
    },
  },
  {
    ...API.removeMember,
    handle: async (deps, req) => {
      const { spaceId, role } = await spaceAndRole(deps, req);
      const userId = param(req, 'userId');
      if (role !== 'owner' && userId !== req.principal.id) {
        throw new HttpError(403, 'forbidden', 'only owners remove other members');
      }
      const result = await deps.store.removeMember(spaceId, userId);
      if (result === 'not-member') {
        throw new HttpError(404, 'not_member', 'that person is not a member of this space');
      }
      if (result === 'last-owner') throw lastOwner();
      deps.publishMembership({ spaceId, userId, role: null });
      return { status: 204 };
    },
  },
];
