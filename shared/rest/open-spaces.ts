/**
 * Open spaces: the company's space directory, joining and leaving, and the
 * owners' visibility setting. Rules in relay/http/routes-open-spaces.ts.
 */
import { z } from 'zod';
import { MySpaceSchema } from '../api.ts';
import {
  OPEN_SPACES_QUERY_MAX,
  OpenSpacesResponseSchema,
  SetSpaceVisibilityRequestSchema,
  SpaceVisibilitySchema,
} from '../open-spaces-api.ts';
import { defineRoutes } from './contract.ts';

export const OPEN_SPACE_ROUTES = defineRoutes({
  listOpenSpaces: {
    method: 'GET',
    path: '/api/open-spaces',
    operationId: 'listOpenSpaces',
    summary:
      'The company’s open spaces, by name, with member counts, recent activity and whether the caller is a member (people of the company only).',
    auth: true,
    query: [
      {
        name: 'q',
        description: 'only spaces whose name or description contains this (case-insensitive)',
        schema: z.string().max(OPEN_SPACES_QUERY_MAX),
      },
    ],
    responses: { 200: { description: 'the open spaces', schema: OpenSpacesResponseSchema } },
    errors: [400, 403],
  },
  joinSpace: {
    method: 'POST',
    path: '/api/spaces/{id}/join',
    operationId: 'joinSpace',
    summary:
      'Joins an open space with the role its owners set (a member keeps the role they have). A private space answers 404, as an unknown one.',
    auth: true,
    responses: { 200: { description: 'the space with the caller’s role', schema: MySpaceSchema } },
    errors: [403, 404],
  },
  leaveSpace: {
    method: 'POST',
    path: '/api/spaces/{id}/leave',
    operationId: 'leaveSpace',
    summary: 'Leaves a space; its last owner cannot leave.',
    auth: true,
    responses: { 204: { description: 'left' } },
    errors: [404, 409],
  },
  getSpaceVisibility: {
    method: 'GET',
    path: '/api/spaces/{id}/visibility',
    operationId: 'getSpaceVisibility',
    summary: 'Whether a space is private or open, and the role people who join get (members only).',
    auth: true,
    responses: { 200: { description: 'the visibility', schema: SpaceVisibilitySchema } },
    errors: [403, 404],
  },
  setSpaceVisibility: {
    method: 'PUT',
    path: '/api/spaces/{id}/visibility',
    operationId: 'setSpaceVisibility',
    summary:
      'Makes a space private or open and sets the role people who join get (owners only). A classification label that forbids copying out keeps a space private (403).',
    auth: true,
    body: SetSpaceVisibilityRequestSchema,
    responses: {
      200: { description: 'the visibility as now stored', schema: SpaceVisibilitySchema },
    },
    errors: [403, 404],
  },
});
