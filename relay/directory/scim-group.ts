/**
 * SCIM 2.0 Group resources (RFC 7643 §4.2) and their PATCH (RFC 7644
 * §3.5.2) in the shapes the IdPs send:
 * - Entra ID: `{"op":"Add","path":"members","value":[{"value":"<id>"}]}`,
 *   `{"op":"Remove","path":"members","value":[{"value":"<id>"}]}` (a value
 *   list on remove, beyond the RFC) and `{"op":"Replace","path":"displayName","value":"…"}`;
 * - Okta: `{"op":"remove","path":"members[value eq \"<id>\"]"}` (a filter,
 *   as the RFC has it), `{"op":"add","path":"members","value":[…]}` and
 *   `{"op":"replace","value":{"id":"…","displayName":"…"}}` (no path).
 * `remove` of `members` without a value empties the group, `replace` of
 * `members` sets the whole list (RFC 7644 §3.5.2.2-3).
 */
import type { DirectoryGroup } from './sql-groups.ts';
import { ScimBadRequest } from './scim-user.ts';

export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** Most members one group may have: a bound on one request's work. */
export const MAX_GROUP_MEMBERS = 50_000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function str(value: unknown, max = 256): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

/** `[{ value: id }, …]` (or one such object) as SCIM user ids. */
function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const ids: string[] = [];
  for (const item of list) {
    const id = isObject(item) ? str(item['value']) : undefined;
    if (id === undefined)
      throw new ScimBadRequest('invalidValue', 'a member needs a value (user id)');
    ids.push(id);
  }
  if (ids.length > MAX_GROUP_MEMBERS) {
    throw new ScimBadRequest(
      'invalidValue',
      `a group holds at most ${String(MAX_GROUP_MEMBERS)} members`,
    );
  }
  return ids;
}

/** Reads a Group resource (POST, PUT) into a group with id `id`. */
export function groupOf(resource: unknown, id: string): DirectoryGroup {
  if (!isObject(resource)) throw new ScimBadRequest('invalidSyntax', 'body must be a JSON object');
  const displayName = str(resource['displayName']);
  if (displayName === undefined)
    throw new ScimBadRequest('invalidValue', 'displayName is required');
  return {
    id,
    displayName,
    externalId: str(resource['externalId']),
    members: [...new Set(memberIds(resource['members']))],
  };
}

/** The stored group as a SCIM Group resource; `withMembers` false for `excludedAttributes=members`. */
export function groupResource(group: DirectoryGroup, baseUrl: string, withMembers = true): Json {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId === undefined ? {} : { externalId: group.externalId }),
    ...(withMembers
      ? {
          members: group.members.map((value) => ({
            value,
            $ref: `${baseUrl}/Users/${encodeURIComponent(value)}`,
          })),
        }
      : {}),
    meta: { resourceType: 'Group', location: `${baseUrl}/Groups/${encodeURIComponent(group.id)}` },
  };
}

/** `members[value eq "id"]`: the one member filter IdPs send. */
const MEMBER_FILTER = /^members\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]$/i;

/** Applies a PatchOp body to `group`, returning the group it describes. */
export function patchedGroup(group: DirectoryGroup, body: unknown): DirectoryGroup {
  const operations = isObject(body) ? body['Operations'] : undefined;
  if (!Array.isArray(operations))
    throw new ScimBadRequest('invalidSyntax', 'Operations must be a list');
  let { displayName, externalId } = group;
  const members = new Set(group.members);
  const setAttribute = (key: string, value: unknown): void => {
    const name = key.toLowerCase();
    if (name === 'displayname') {
      displayName = str(value) ?? displayName;
    } else if (name === 'externalid') {
      externalId = str(value);
    } else if (name === 'members') {
      members.clear();
      for (const id of memberIds(value)) members.add(id);
    }
    // `id`, `meta` and unknown attributes are ignored: Okta repeats the id.
  };
  for (const operation of operations) {
    if (!isObject(operation)) throw new ScimBadRequest('invalidSyntax', 'bad operation');
    const op = String(operation['op']).toLowerCase();
    const path = str(operation['path'], 1000);
    const value = operation['value'];
    const filtered = path === undefined ? null : MEMBER_FILTER.exec(path);
    if (op === 'add' && path?.toLowerCase() === 'members') {
      for (const id of memberIds(value)) members.add(id);
    } else if (op === 'remove') {
      if (path === undefined) throw new ScimBadRequest('noTarget', 'remove needs a path');
      if (filtered?.[1] !== undefined) members.delete(filtered[1].replace(/\\(.)/g, '$1'));
      else if (path.toLowerCase() === 'members') {
        if (value === undefined) members.clear();
        else for (const id of memberIds(value)) members.delete(id);
      } else if (path.toLowerCase() === 'externalid') externalId = undefined;
      else throw new ScimBadRequest('invalidPath', `cannot remove ${path}`);
    } else if (op === 'add' || op === 'replace') {
      if (path !== undefined) setAttribute(path, value);
      else if (isObject(value))
        for (const [key, item] of Object.entries(value)) setAttribute(key, item);
      else throw new ScimBadRequest('invalidValue', 'a patch without path needs an object value');
    } else throw new ScimBadRequest('invalidSyntax', `unknown op "${String(operation['op'])}"`);
  }
  if (members.size > MAX_GROUP_MEMBERS) {
    throw new ScimBadRequest(
      'invalidValue',
      `a group holds at most ${String(MAX_GROUP_MEMBERS)} members`,
    );
  }
  return { id: group.id, displayName, externalId, members: [...members].sort() };
}
