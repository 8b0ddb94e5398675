/**
 * Knowledge routes (contract in shared/rest/knowledge.ts): search and the
 * expert finder answer only from spaces the caller may read; anyone signed
 * in sees a profile; only its owner edits it (the route takes no person id:
 * it always writes the caller's own).
 */
import { ProfileEditSchema, KNOWLEDGE_QUERY_MAX } from '../../shared/knowledge-api.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from '../http/api-types.ts';
import { HttpError } from '../http/json.ts';
import { param } from '../http/route-access.ts';
import type { KnowledgeService } from './service.ts';

function service(deps: ApiDeps): KnowledgeService {
  if (deps.knowledge === undefined) throw new HttpError(404, 'not_found', 'no knowledge index');
  return deps.knowledge;
}

function query(req: ApiRequest): string {
  const q = (req.query.get('q') ?? '').trim();
  if (q.length === 0 || q.length > KNOWLEDGE_QUERY_MAX) {
    throw new HttpError(
      400,
      'invalid_query',
      `q must be 1 to ${String(KNOWLEDGE_QUERY_MAX)} characters`,
    );
  }
  return q;
}

export const KNOWLEDGE_ROUTES: readonly ApiRoute[] = [
  {
    ...API.searchNotes,
    handle: async (deps, req) => ({
      status: 200,
      body: { hits: await service(deps).search(req.principal, query(req)) },
    }),
  },
  {
    ...API.findExperts,
    handle: async (deps, req) => ({
      status: 200,
      body: { experts: await service(deps).experts(req.principal, query(req)) },
    }),
  },
  {
    ...API.getProfile,
    handle: async (deps, req) => {
      const profile = await service(deps).profile(req.principal, param(req, 'userId'));
      if (profile === null) throw new HttpError(404, 'not_found', 'no such person');
      return { status: 200, body: profile };
    },
  },
  {
    ...API.updateMyProfile,
    handle: async (deps, req) => ({
      status: 200,
      body: await service(deps).updateOwn(req.principal, ProfileEditSchema.parse(req.body)),
    }),
  },
];
