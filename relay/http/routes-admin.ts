/**
 * Company admins: members of the IdP group the relay is configured with.
 * They read the audit log (filtered, paged, exported, verified), list people
 * and spaces as metadata (never a note), and make a named person owner of a
 * space whose owners are gone. Anyone else gets 403, which the dispatcher
 * audits like every refusal; what admins do is audited on success.
 */
import {
  AUDIT_EXPORT_MAX,
  AUDIT_PAGE_MAX,
  AuditExportFormatSchema,
  AuditQuerySchema,
  RecoverSpaceRequestSchema,
  type AuditQuery,
} from '../../shared/admin-api.ts';
import { API } from '../../shared/rest/index.ts';
import { EXPORT_CONTENT_TYPES, exportEntries } from '../audit/export.ts';
import type { AuditEntry, AuditFilter } from '../audit/types.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { memberOf, param } from './route-access.ts';

/** Admins only: 403 for anyone else. */
async function requireAdmin(deps: ApiDeps, req: ApiRequest): Promise<void> {
  if (!(await deps.admin.isAdmin(req.principal))) {
    throw new HttpError(403, 'forbidden', 'only company admins may do this');
  }
}

/** The filters of the query string, or 400 naming the bad one. */
function auditQuery(req: ApiRequest): AuditQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of req.query) if (value !== '') raw[key] = value;
  delete raw['format'];
  const parsed = AuditQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'query'}: ${i.message}`)
      .join('; ');
    throw new HttpError(400, 'invalid_query', message.slice(0, 500));
  }
  return parsed.data;
}

function filterOf(query: AuditQuery, limit: number): AuditFilter {
  const { person, space, kind, from, to, before } = query;
  return {
    limit,
    ...(person === undefined ? {} : { person }),
    ...(space === undefined ? {} : { space }),
    ...(kind === undefined ? {} : { kind }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(before === undefined ? {} : { before }),
  };
}

export const ADMIN_ROUTES: readonly ApiRoute[] = [
  {
    ...API.recordSpaceExport,
    // Audited on success as `space.exported` (audit/hooks.ts); a non-member's call is a refusal.
    handle: async (deps, req) => {
      await memberOf(deps, req);
      return { status: 204 };
    },
  },
  {
    ...API.getAdminStatus,
    handle: async (deps, req) => ({
      status: 200,
      body: {
        admin: await deps.admin.isAdmin(req.principal),
        // Only a champion carries the field, so older clients see what they always did.
        ...((await deps.store.directory.isChampion(req.principal.id)) ? { champion: true } : {}),
      },
    }),
  },
  {
    ...API.listAuditEntries,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const query = auditQuery(req);
      const page = await deps.admin.audit.query(filterOf(query, query.limit ?? 100));
      return { status: 200, body: page };
    },
  },
  {
    ...API.exportAuditEntries,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const format = AuditExportFormatSchema.safeParse(req.query.get('format') ?? 'jsonl');
      if (!format.success) throw new HttpError(400, 'invalid_query', 'format: jsonl or csv');
      const query = auditQuery(req);
      // Page by page: one query of a huge limit would hold a cursor open as long.
      const entries: AuditEntry[] = [];
      let before = query.before;
      while (entries.length < AUDIT_EXPORT_MAX) {
        const limit = Math.min(AUDIT_PAGE_MAX, AUDIT_EXPORT_MAX - entries.length);
        const page = await deps.admin.audit.query(
          filterOf({ ...query, ...(before === undefined ? {} : { before }) }, limit),
        );
        entries.push(...page.entries);
        if (page.next === null) break;
        before = page.next;
      }
      const stamp = new Date(deps.now()).toISOString().slice(0, 10);
      return {
        status: 200,
        raw: {
          contentType: EXPORT_CONTENT_TYPES[format.data],
          bytes: new TextEncoder().encode(exportEntries(entries, format.data)),
          headers: {
            'content-disposition': `attachment; filename="audit-${stamp}.${format.data}"`,
            'cache-control': 'no-store',
          },
        },
      };
    },
  },
  {
    ...API.verifyAuditLog,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      return { status: 200, body: await deps.admin.verify() };
    },
  },
  {
    ...API.listAllPeople,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const q = (req.query.get('q') ?? '').slice(0, 100);
      return { status: 200, body: { people: await deps.store.searchPeople(q, 1000) } };
    },
  },
  {
    ...API.listAllSpaces,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const spaces = await deps.store.allSpaces();
      // Each space's label, so that an admin can see and change it in one place.
      const { classification } = deps;
      const known = new Set((await classification.labels()).map((l) => l.id));
      const set = await classification.store.spaceLabels(spaces.map((s) => s.id));
      const labelled = [];
      for (const space of spaces) {
        const own = set.get(space.id);
        const label =
          own !== undefined && known.has(own) ? own : (await classification.labelOf(space.id)).id;
        labelled.push({ ...space, label });
      }
      return { status: 200, body: { spaces: labelled } };
    },
  },
  {
    ...API.recoverSpace,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const spaceId = param(req, 'id');
      if ((await deps.store.getSpace(spaceId)) === null) {
        throw new HttpError(404, 'not_found', 'no such space (a deleted one is restored first)');
      }
      const { userId } = RecoverSpaceRequestSchema.parse(req.body);
      if ((await deps.store.getPerson(userId)) === null) {
        throw new HttpError(
          404,
          'unknown_person',
          'no such person: they must sign in to Commonplace once before they can own a space',
        );
      }
      await deps.store.setRole(spaceId, userId, 'owner');
      deps.publishMembership({ spaceId, userId, role: 'owner' });
      const space = (await deps.store.allSpaces()).find((s) => s.id === spaceId);
      if (space === undefined) throw new HttpError(404, 'not_found', 'no such space');
      return { status: 200, body: space };
    },
  },
];
