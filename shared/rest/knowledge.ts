/** Relay-side note search, profiles and the expert finder (relay/knowledge). */
import { z } from 'zod';
import {
  ExpertsResponseSchema,
  KNOWLEDGE_QUERY_MAX,
  ProfileEditSchema,
  ProfileSchema,
  SearchResponseSchema,
} from '../knowledge-api.ts';
import { defineRoutes } from './contract.ts';

const query = [
  {
    name: 'q',
    description: `search words, 1 to ${KNOWLEDGE_QUERY_MAX} characters`,
    schema: z.string().min(1).max(KNOWLEDGE_QUERY_MAX),
  },
];

export const KNOWLEDGE_ROUTES = defineRoutes({
  searchNotes: {
    method: 'GET',
    path: '/api/search',
    operationId: 'searchNotes',
    summary:
      "Notes whose title or text matches `q`, best first, only in spaces the caller may read (the relay's access rules decide, note by space).",
    auth: true,
    query,
    responses: { 200: { description: 'matching notes', schema: SearchResponseSchema } },
    errors: [400],
  },
  findExperts: {
    method: 'GET',
    path: '/api/experts',
    operationId: 'findExperts',
    summary:
      'People who opted in to the expert finder, ranked by what they edited and commented in notes matching `q` that the caller may read, plus declared skills and topics matching `q`; each with the notes behind the rank.',
    auth: true,
    query,
    responses: { 200: { description: 'ranked people', schema: ExpertsResponseSchema } },
    errors: [400],
  },
  getProfile: {
    method: 'GET',
    path: '/api/people/{userId}/profile',
    operationId: 'getProfile',
    summary:
      "A person's profile: directory fields, declared skills and topics, the spaces the caller shares with them and their recent notes the caller may read.",
    auth: true,
    responses: { 200: { description: 'the profile', schema: ProfileSchema } },
    errors: [404],
  },
  updateMyProfile: {
    method: 'PUT',
    path: '/api/profile',
    operationId: 'updateMyProfile',
    summary:
      "Replaces the caller's own skills, topics and expert-finder choice (nobody edits another person's).",
    auth: true,
    body: ProfileEditSchema,
    responses: { 200: { description: 'the profile as now stored', schema: ProfileSchema } },
    errors: [],
  },
});
