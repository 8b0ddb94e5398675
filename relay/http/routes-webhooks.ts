/**
 * Outgoing webhooks over REST.
 * - Company admins list every webhook and create company-wide ones (or ones
 *   limited to a named space) under `/api/admin/webhooks`.
 * - A space's owners list and create its own under `/api/spaces/{id}/webhooks`;
 *   admins may too.
 * - One webhook (`/api/webhooks/{webhookId}`) is changed, deleted, tested and
 *   its delivery log read by admins, and by owners of its space when it has
 *   one. Anyone else gets 404 for a webhook they cannot manage, so ids of
 *   other spaces' webhooks are not confirmed.
 * The secret is generated here and answered once, on creation. Every
 * change is audited (audit/hooks.ts maps these operations to entries).
 */
import { randomUUID } from 'node:crypto';
import { API } from '../../shared/rest/index.ts';
import {
  CreateWebhookRequestSchema,
  DELIVERY_PAGE_MAX,
  UpdateWebhookRequestSchema,
  WEBHOOKS_PER_SCOPE_MAX,
  type CreatedWebhook,
  type Webhook,
} from '../../shared/webhooks-api.ts';
import { newWebhookSecret } from '../webhooks/signature.ts';
import { targetProblem } from '../webhooks/target.ts';
import type { WebhookApi } from '../webhooks/service.ts';
import type { WebhookRow } from '../webhooks/types.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { param, spaceAndRole } from './route-access.ts';

function webhooksOf(deps: ApiDeps): WebhookApi {
  if (deps.webhooks === undefined) throw new HttpError(404, 'not_found', 'webhooks are off');
  return deps.webhooks;
}

/** Without the secret. */
function publicView(row: WebhookRow): Webhook {
  return {
    id: row.id,
    spaceId: row.spaceId,
    url: row.url,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

async function create(
  deps: ApiDeps,
  req: ApiRequest,
  spaceId: string | null,
): Promise<CreatedWebhook> {
  const webhooks = webhooksOf(deps);
  const body = CreateWebhookRequestSchema.parse(req.body);
  const problem = targetProblem(body.url, webhooks.allowLocalTargets);
  if (problem !== null) throw new HttpError(400, 'invalid_url', problem);
  const existing = await webhooks.store.list({ spaceId });
  if (existing.length >= WEBHOOKS_PER_SCOPE_MAX) {
    throw new HttpError(
      409,
      'too_many_webhooks',
      `at most ${String(WEBHOOKS_PER_SCOPE_MAX)} webhooks per space and company-wide`,
    );
  }
  const row: WebhookRow = {
    id: randomUUID(),
    spaceId,
    url: body.url,
    events: body.events,
    secret: newWebhookSecret(),
    enabled: true,
    createdAt: deps.now(),
    createdBy: req.principal.id,
  };
  await webhooks.store.create(row);
  await webhooks.changed();
  return { ...publicView(row), secret: row.secret };
}

/** The webhook of the path, if the caller may manage it (admins; owners of its space). */
async function manageable(deps: ApiDeps, req: ApiRequest): Promise<WebhookRow> {
  const webhooks = webhooksOf(deps);
  const row = await webhooks.store.get(param(req, 'webhookId'));
  if (row !== null) {
    if (await deps.admin.isAdmin(req.principal)) return row;
    if (row.spaceId !== null) {
      const role = await deps.store.roleOf(row.spaceId, req.principal.id);
      if (role === 'owner') return row;
      if (role !== null) throw new HttpError(403, 'forbidden', 'only owners manage webhooks');
    }
  }
  throw new HttpError(404, 'not_found', 'no such webhook');
}

/** The space of the path, if the caller is an owner of it or an admin. */
async function ownedSpace(deps: ApiDeps, req: ApiRequest): Promise<string> {
  const { spaceId, role } = await spaceAndRole(deps, req);
  if (role !== 'owner' && !(await deps.admin.isAdmin(req.principal))) {
    throw new HttpError(403, 'forbidden', 'only owners of this space manage its webhooks');
  }
  return spaceId;
}

async function requireAdmin(deps: ApiDeps, req: ApiRequest): Promise<void> {
  if (!(await deps.admin.isAdmin(req.principal))) {
    throw new HttpError(403, 'forbidden', 'only company admins may do this');
  }
}

export const WEBHOOK_ROUTES: readonly ApiRoute[] = [
  {
    ...API.listAllWebhooks,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const rows = await webhooksOf(deps).store.list();
      return { status: 200, body: { webhooks: rows.map(publicView) } };
    },
  },
  {
    ...API.createCompanyWebhook,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const { spaceId } = CreateWebhookRequestSchema.parse(req.body);
      if (spaceId !== undefined && spaceId !== null) {
        if ((await deps.store.getSpace(spaceId)) === null) {
          throw new HttpError(404, 'not_found', 'no such space');
        }
      }
      return { status: 201, body: await create(deps, req, spaceId ?? null) };
    },
  },
  {
    ...API.listSpaceWebhooks,
    handle: async (deps, req) => {
      const spaceId = await ownedSpace(deps, req);
      const rows = await webhooksOf(deps).store.list({ spaceId });
      return { status: 200, body: { webhooks: rows.map(publicView) } };
    },
  },
  {
    ...API.createSpaceWebhook,
    handle: async (deps, req) => {
      const spaceId = await ownedSpace(deps, req);
      return { status: 201, body: await create(deps, req, spaceId) };
    },
  },
  {
    ...API.updateWebhook,
    handle: async (deps, req) => {
      const row = await manageable(deps, req);
      const change = UpdateWebhookRequestSchema.parse(req.body);
      const webhooks = webhooksOf(deps);
      const updated = await webhooks.store.update(row.id, {
        ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
        ...(change.events === undefined ? {} : { events: change.events }),
      });
      if (updated === null) throw new HttpError(404, 'not_found', 'no such webhook');
      await webhooks.changed();
      return { status: 200, body: publicView(updated) };
    },
  },
  {
    ...API.deleteWebhook,
    handle: async (deps, req) => {
      const row = await manageable(deps, req);
      const webhooks = webhooksOf(deps);
      await webhooks.store.delete(row.id);
      await webhooks.changed();
      return { status: 204 };
    },
  },
  {
    ...API.listWebhookDeliveries,
    handle: async (deps, req) => {
      const row = await manageable(deps, req);
      const asked = Number(req.query.get('limit') ?? '50');
      const limit = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), DELIVERY_PAGE_MAX) : 50;
      const deliveries = await webhooksOf(deps).store.deliveries(row.id, limit);
      return { status: 200, body: { deliveries } };
    },
  },
  {
    ...API.testWebhook,
    handle: async (deps, req) => {
      const row = await manageable(deps, req);
      const id = await webhooksOf(deps).queueTest(row, req.principal.id);
      return { status: 200, body: { eventId: id } };
    },
  },
];
