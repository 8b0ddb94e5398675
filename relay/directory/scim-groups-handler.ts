/**
 * `/scim/v2/Groups`: create, read, list (filter `displayName eq "…"`),
 * PATCH, PUT and DELETE. Every change is audited with the members it added
 * and removed; when the group is the configured admin group (before or
 * after a rename), each person who gains or loses admin rights by it gets
 * an entry of their own. Admin rights follow the stored membership on every
 * request (GroupStore.isMember), so they apply at once, on every node.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { groupOf, groupResource, patchedGroup } from './scim-group.ts';
import {
  eqFilter,
  listResponse,
  pageOf,
  readJson,
  ScimError,
  type ScimAnswer,
  type ScimDeps,
} from './scim-http.ts';
import type { DirectoryGroup } from './sql-groups.ts';

const sameName = (a: string, b: string | undefined): boolean =>
  b !== undefined && b !== '' && a.toLowerCase() === b.toLowerCase();

/** Audits a group change and the admin rights it grants or revokes. */
async function auditChange(
  deps: ScimDeps,
  kind: 'directory.group.created' | 'directory.group.updated' | 'directory.group.deleted',
  before: DirectoryGroup | null,
  after: DirectoryGroup | null,
): Promise<void> {
  const group = after ?? before;
  if (group === null) return;
  const had = new Set(before?.members ?? []);
  const has = new Set(after?.members ?? []);
  deps.audit({
    kind,
    actor: 'scim',
    target: group.id,
    detail: {
      displayName: group.displayName,
      added: [...has].filter((m) => !had.has(m)).length,
      removed: [...had].filter((m) => !has.has(m)).length,
      members: has.size,
    },
  });
  const adminBefore =
    before !== null && sameName(before.displayName, deps.adminGroup) ? had : new Set<string>();
  const adminAfter =
    after !== null && sameName(after.displayName, deps.adminGroup) ? has : new Set<string>();
  const granted = [...adminAfter].filter((m) => !adminBefore.has(m));
  const revoked = [...adminBefore].filter((m) => !adminAfter.has(m));
  const store = deps.store.directory.groups;
  for (const [list, grant] of [
    [granted, true],
    [revoked, false],
  ] as const) {
    if (list.length === 0) continue;
    // Record ids where the person is known, else their SCIM id: both are findable in the log.
    const ids = await store.personIds(list);
    const targets = ids.length === list.length ? ids : list;
    for (const target of targets) {
      deps.audit({
        kind: grant ? 'directory.admin.granted' : 'directory.admin.revoked',
        actor: 'scim',
        target,
        detail: { group: group.displayName },
      });
    }
  }
}

/** The Groups half of the SCIM handler. */
export function groupsHandler(
  deps: ScimDeps,
): (
  req: IncomingMessage,
  id: string | null,
  query: URLSearchParams,
  base: string,
) => Promise<ScimAnswer> {
  const store = deps.store.directory.groups;
  return async (req, id, query, base) => {
    const method = req.method ?? 'GET';
    // Entra asks for groups without their (possibly huge) member lists.
    const withMembers = !/(^|,)\s*members\s*(,|$)/i.test(query.get('excludedAttributes') ?? '');
    if (id === null && method === 'GET') {
      const { offset, limit } = pageOf(query);
      const page = await store.list(eqFilter(query.get('filter'), 'displayName'), offset, limit);
      return {
        status: 200,
        body: listResponse(
          page.total,
          offset,
          page.groups.map((group) => groupResource(group, base, withMembers)),
        ),
      };
    }
    if (id === null && method === 'POST') {
      const stored = await store.create(groupOf(await readJson(req), randomUUID()));
      if (stored === 'conflict') throw new ScimError(409, 'displayName is taken', 'uniqueness');
      await auditChange(deps, 'directory.group.created', null, stored);
      return { status: 201, body: groupResource(stored, base) };
    }
    if (id === null) throw new ScimError(405, 'method not allowed');
    const current = await store.get(id);
    if (current === null) throw new ScimError(404, `no group ${id}`);
    if (method === 'GET') return { status: 200, body: groupResource(current, base, withMembers) };
    if (method === 'DELETE') {
      if ((await store.remove(id)) !== null) {
        await auditChange(deps, 'directory.group.deleted', current, null);
      }
      return { status: 204, body: undefined };
    }
    let next: DirectoryGroup;
    if (method === 'PUT') next = groupOf(await readJson(req), id);
    else if (method === 'PATCH') next = patchedGroup(current, await readJson(req));
    else throw new ScimError(405, 'method not allowed');
    const result = await store.replace(next);
    if (result === null) throw new ScimError(404, `no group ${id}`);
    if (result === 'conflict') throw new ScimError(409, 'displayName is taken', 'uniqueness');
    await auditChange(deps, 'directory.group.updated', current, result.group);
    return { status: 200, body: groupResource(result.group, base) };
  };
}
