/**
 * Retention, legal holds and eDiscovery export: company admins only (403
 * for anyone else, audited as a refusal); each change and each export is
 * audited on success (audit/hooks.ts).
 */
import { CreateHoldRequestSchema, RetentionPolicySchema } from '../../shared/legal-api.ts';
import { API } from '../../shared/rest/index.ts';
import { ID_PATTERN } from '../../shared/wire.ts';
import { HoldStateError, type LegalService } from '../legal/service.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { param } from './route-access.ts';

/** The legal service for a company admin; 403 for anyone else, 404 when the relay has none. */
async function legalFor(deps: ApiDeps, req: ApiRequest): Promise<LegalService> {
  if (!(await deps.admin.isAdmin(req.principal))) {
    throw new HttpError(403, 'forbidden', 'only company admins may do this');
  }
  if (deps.legal === undefined) throw new HttpError(404, 'not_found', 'no legal module');
  return deps.legal;
}

async function stateErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof HoldStateError) throw new HttpError(409, 'hold_released', err.message);
    throw err;
  }
}

export const LEGAL_ROUTES: readonly ApiRoute[] = [
  {
    ...API.getRetention,
    handle: async (deps, req) => ({
      status: 200,
      body: await (await legalFor(deps, req)).settings(),
    }),
  },
  {
    ...API.setCompanyRetention,
    handle: async (deps, req) => {
      const legal = await legalFor(deps, req);
      return { status: 200, body: await legal.setCompany(RetentionPolicySchema.parse(req.body)) };
    },
  },
  {
    ...API.setSpaceRetention,
    handle: async (deps, req) => {
      const legal = await legalFor(deps, req);
      const spaceId = param(req, 'id');
      const known = (await deps.store.allSpaces()).some((s) => s.id === spaceId);
      if (!ID_PATTERN.test(spaceId) || !known) {
        throw new HttpError(404, 'not_found', 'no such space');
      }
      const policy = RetentionPolicySchema.parse(req.body);
      return { status: 200, body: await legal.setSpace(spaceId, policy) };
    },
  },
  {
    ...API.listHolds,
    handle: async (deps, req) => ({
      status: 200,
      body: { holds: await (await legalFor(deps, req)).holds() },
    }),
  },
  {
    ...API.createHold,
    handle: async (deps, req) => {
      const legal = await legalFor(deps, req);
      const { caseName, scope } = CreateHoldRequestSchema.parse(req.body);
      if (
        scope.kind === 'space' &&
        !(await deps.store.allSpaces()).some((s) => s.id === scope.spaceId)
      ) {
        throw new HttpError(404, 'not_found', 'no such space');
      }
      if (scope.kind === 'person' && (await deps.store.getPerson(scope.personId)) === null) {
        throw new HttpError(404, 'unknown_person', 'no such person');
      }
      return { status: 201, body: await legal.createHold(caseName, scope, req.principal.id) };
    },
  },
  {
    ...API.releaseHold,
    handle: async (deps, req) => {
      const legal = await legalFor(deps, req);
      const hold = await stateErrors(() =>
        legal.releaseHold(param(req, 'holdId'), req.principal.id),
      );
      if (hold === null) throw new HttpError(404, 'not_found', 'no such hold');
      return { status: 200, body: hold };
    },
  },
  {
    ...API.exportHold,
    handle: async (deps, req) => {
      const legal = await legalFor(deps, req);
      const holdId = param(req, 'holdId');
      const zip = await stateErrors(() => legal.export(holdId, req.principal.id));
      if (zip === null) throw new HttpError(404, 'not_found', 'no such hold');
      const stamp = new Date(deps.now()).toISOString().slice(0, 10);
      return {
        status: 200,
        raw: {
          contentType: 'application/zip',
          bytes: zip,
          headers: {
            'content-disposition': `attachment; filename="ediscovery-${holdId}-${stamp}.zip"`,
            'cache-control': 'no-store',
          },
        },
      };
    },
  },
];
