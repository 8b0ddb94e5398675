/**
 * The adoption view and the champion mark over REST. The relay decides who
 * may see the view (company admins and champions; anyone else 403, audited
 * as a refusal) and who may set the mark (admins only); the app only hides
 * what it would be refused. Reading the view and setting a mark are audited
 * (audit/hooks.ts).
 */
import {
  ADOPTION_MAX_WEEKS,
  ADOPTION_MIN_GROUP,
  SetChampionRequestSchema,
} from '../../shared/adoption-api.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiRoute } from '../http/api-types.ts';
import { HttpError } from '../http/json.ts';
import { param } from '../http/route-access.ts';
import { lastWeeks } from './iso-week.ts';
import { adoptionReport } from './report.ts';

function weeksOf(query: URLSearchParams): number {
  const raw = query.get('weeks');
  if (raw === null || raw === '') return 8;
  const weeks = Number(raw);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > ADOPTION_MAX_WEEKS) {
    throw new HttpError(400, 'invalid_query', `weeks: 1 to ${String(ADOPTION_MAX_WEEKS)}`);
  }
  return weeks;
}

export const ADOPTION_ROUTES: readonly ApiRoute[] = [
  {
    ...API.getAdoption,
    handle: async (deps, req) => {
      const allowed =
        (await deps.admin.isAdmin(req.principal)) ||
        (await deps.store.directory.isChampion(req.principal.id));
      if (!allowed) {
        throw new HttpError(403, 'forbidden', 'only company admins and champions may do this');
      }
      const weeks = lastWeeks(deps.now(), weeksOf(req.query));
      const activity = deps.store.directory.activity;
      const report = adoptionReport(
        weeks,
        await activity.departmentWeeks(weeks),
        await activity.activeSpaces(weeks),
        ADOPTION_MIN_GROUP,
      );
      return { status: 200, body: report };
    },
  },
  {
    ...API.setChampion,
    handle: async (deps, req) => {
      if (!(await deps.admin.isAdmin(req.principal))) {
        throw new HttpError(403, 'forbidden', 'only company admins may do this');
      }
      const userId = param(req, 'userId');
      const { champion } = SetChampionRequestSchema.parse(req.body);
      if (!(await deps.store.directory.setChampion(userId, champion))) {
        throw new HttpError(404, 'unknown_person', 'no such person');
      }
      const person = await deps.store.getPerson(userId);
      if (person === null) throw new HttpError(404, 'unknown_person', 'no such person');
      return { status: 200, body: person };
    },
  },
];
