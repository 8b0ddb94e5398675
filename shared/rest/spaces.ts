/** The caller, their spaces, space creation, change markers and the people directory. */
import { z } from 'zod';
import {
  CreateSpaceRequestSchema,
  DirectoryResponseSchema,
  DocMarkersResponseSchema,
  MeResponseSchema,
  MySpacesResponseSchema,
  SpaceSchema,
} from '../api.ts';
import { defineRoutes } from './contract.ts';

/** Longest `q` of `GET /api/directory`. */
export const DIRECTORY_QUERY_MAX = 100;
/** Most people one directory search answers. */
export const DIRECTORY_LIMIT = 50;

export const SPACE_ROUTES = defineRoutes({
  getMe: {
    method: 'GET',
    path: '/api/me',
    operationId: 'getMe',
    summary: 'The signed-in person, from their access token.',
    auth: true,
    responses: { 200: { description: 'the caller', schema: MeResponseSchema } },
    errors: [],
  },
  listSpaces: {
    method: 'GET',
    path: '/api/spaces',
    operationId: 'listSpaces',
    summary: 'The spaces the caller belongs to, with the caller’s role in each.',
    auth: true,
    responses: { 200: { description: 'the caller’s spaces', schema: MySpacesResponseSchema } },
    errors: [],
  },
  createSpace: {
    method: 'POST',
    path: '/api/spaces',
    operationId: 'createSpace',
    summary:
      'Creates a space; the caller becomes its owner. Each person may create `spacesCreatedPerDay` spaces a day (429 past it).',
    auth: true,
    body: CreateSpaceRequestSchema,
    responses: { 201: { description: 'the new space', schema: SpaceSchema } },
    errors: [],
  },
  listDocMarkers: {
    method: 'GET',
    path: '/api/spaces/{id}/docs',
    operationId: 'listDocMarkers',
    summary:
      'One change marker per stored document of a space, the index included (members only): the state vector of the stored state (base64), when and by whom it last changed. Clients sync in the background only the documents whose marker differs from their own state.',
    auth: true,
    responses: { 200: { description: 'the markers', schema: DocMarkersResponseSchema } },
    errors: [403, 404],
  },
  searchDirectory: {
    method: 'GET',
    path: '/api/directory',
    operationId: 'searchDirectory',
    summary: 'People who have signed in, whose id, name or email contains `q`.',
    auth: true,
    query: [
      {
        name: 'q',
        description: `search text, at most ${DIRECTORY_QUERY_MAX} characters; empty lists everyone (at most ${DIRECTORY_LIMIT})`,
        schema: z.string().max(DIRECTORY_QUERY_MAX).optional(),
      },
    ],
    responses: { 200: { description: 'matching people', schema: DirectoryResponseSchema } },
    errors: [400],
  },
});
