/**
 * The adoption view (admins and champions) and the champion mark (admins
 * only). Rules in relay/adoption/routes.ts.
 */
import { z } from 'zod';
import {
  ADOPTION_MAX_WEEKS,
  AdoptionReportSchema,
  SetChampionRequestSchema,
} from '../adoption-api.ts';
import { PersonSchema } from '../api.ts';
import { defineRoutes } from './contract.ts';

export const ADOPTION_ROUTES = defineRoutes({
  getAdoption: {
    method: 'GET',
    path: '/api/adoption',
    operationId: 'getAdoption',
    summary:
      'Weekly adoption figures per department, groups of fewer than 5 people suppressed (admins and champions only).',
    auth: true,
    query: [
      {
        name: 'weeks',
        description: `how many weeks up to the current one, 1 to ${String(ADOPTION_MAX_WEEKS)} (default 8)`,
        schema: z.number().optional(),
      },
    ],
    responses: { 200: { description: 'the report', schema: AdoptionReportSchema } },
    errors: [400, 403],
  },
  setChampion: {
    method: 'PUT',
    path: '/api/admin/people/{userId}/champion',
    operationId: 'setChampion',
    summary: 'Marks or unmarks a person as a champion of Commonplace (admins only).',
    auth: true,
    body: SetChampionRequestSchema,
    responses: { 200: { description: 'the person as now stored', schema: PersonSchema } },
    errors: [403, 404],
  },
});
