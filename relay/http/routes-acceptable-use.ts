/**
 * The acceptable-use policy's routes: anyone signed in reads the current
 * version and accepts it; company admins publish new versions and see who
 * accepted. Both the acceptance and the publication are audited on success
 * (audit/hooks.ts). The enforcement is in relay/acceptable-use.
 */
import {
  ADMIN_ACCEPTANCES_MAX,
  AcceptPolicyRequestSchema,
  PublishPolicyRequestSchema,
  type PolicyAcceptance,
} from '../../shared/acceptable-use.ts';
import { API } from '../../shared/rest/index.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';

async function requireAdmin(deps: ApiDeps, req: ApiRequest): Promise<void> {
  if (!(await deps.admin.isAdmin(req.principal))) {
    throw new HttpError(403, 'forbidden', 'only company admins may do this');
  }
}

export const POLICY_ROUTES: readonly ApiRoute[] = [
  {
    ...API.getPolicyStatus,
    handle: async (deps, req) => ({
      status: 200,
      body: await deps.acceptableUse.status(req.principal.id),
    }),
  },
  {
    ...API.acceptPolicy,
    handle: async (deps, req) => {
      const { version } = AcceptPolicyRequestSchema.parse(req.body);
      const origin = req.origin ?? { ip: null, userAgent: null };
      const status = await deps.acceptableUse.accept(req.principal, version, {
        ip: origin.ip,
        client: origin.userAgent?.slice(0, 500) ?? null,
      });
      return { status: 200, body: status };
    },
  },
  {
    ...API.getAdminPolicy,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const { store } = deps.acceptableUse;
      const versions = await store.versions();
      const current = versions[0];
      if (current === undefined) {
        return { status: 200, body: { versions, acceptedCount: 0, acceptances: [] } };
      }
      const { count, list } = await store.acceptances(current.version, ADMIN_ACCEPTANCES_MAX);
      const acceptances: PolicyAcceptance[] = [];
      for (const entry of list) {
        const person = await deps.store.getPerson(entry.userId);
        acceptances.push({
          userId: entry.userId,
          name: person?.name ?? null,
          email: person?.email ?? null,
          at: entry.at,
        });
      }
      return { status: 200, body: { versions, acceptedCount: count, acceptances } };
    },
  },
  {
    ...API.publishPolicy,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const { text } = PublishPolicyRequestSchema.parse(req.body);
      return { status: 201, body: await deps.acceptableUse.publish(req.principal, text) };
    },
  },
];
