/**
 * Members of a space: owners add, re-role and remove; anyone leaves; the
 * last owner stays. Rules in relay/http/routes-members.ts.
 */
import { MemberSchema, MembersResponseSchema, SetMemberRequestSchema } from '../api.ts';
import { defineRoutes } from './contract.ts';

export const MEMBER_ROUTES = defineRoutes({
  listMembers: {
    method: 'GET',
    path: '/api/spaces/{id}/members',
    operationId: 'listMembers',
    summary: 'The members of a space with their roles (members only).',
    auth: true,
    responses: { 200: { description: 'the members', schema: MembersResponseSchema } },
    errors: [403, 404],
  },
  setMember: {
    method: 'PUT',
    path: '/api/spaces/{id}/members/{userId}',
    operationId: 'setMember',
    summary:
      'Adds a person to a space or changes their role (owners only). The person must have signed in once.',
    auth: true,
    body: SetMemberRequestSchema,
    responses: { 200: { description: 'the member as now stored', schema: MemberSchema } },
    errors: [403, 404, 409],
  },
  removeMember: {
    method: 'DELETE',
    path: '/api/spaces/{id}/members/{userId}',
    operationId: 'removeMember',
    summary:
      'Removes a member (owners remove anyone, anyone removes themselves); the last owner cannot leave.',
    auth: true,
    responses: { 204: { description: 'removed' } },
    errors: [403, 404, 409],
  },
});
