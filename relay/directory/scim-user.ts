/**
 * SCIM 2.0 User resources (RFC 7643) as the directory stores them, and PATCH
 * (RFC 7644 §3.5.2) as Entra ID and Okta send it: Entra writes
 * `{"op":"Replace","path":"active","value":"False"}` (capitalised op, string
 * boolean), Okta `{"op":"replace","value":{"active":false}}` (no path).
 * A patch is applied to the resource's JSON and the result read back, so
 * both shapes go through one reader.
 */
import type { DirectoryEntry, DirectoryPerson } from './types.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

type Json = Record<string, unknown>;

/** A request the IdP must fix (400 with `scimType`). */
export class ScimBadRequest extends Error {
  readonly scimType: string;
  constructor(scimType: string, message: string) {
    super(message);
    this.scimType = scimType;
  }
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function str(value: unknown, max = 320): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

/** SCIM booleans; Entra sends "True"/"False" strings in PATCH values. */
function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return /^true$/i.test(value);
  return undefined;
}

function nameOf(resource: Json): string | undefined {
  const name = isObject(resource['name']) ? resource['name'] : {};
  const given = [str(name['givenName']), str(name['familyName'])].filter(Boolean).join(' ');
  return str(resource['displayName'], 256) ?? str(name['formatted'], 256) ?? str(given, 256);
}

function emailOf(resource: Json): string | undefined {
  const emails = Array.isArray(resource['emails']) ? resource['emails'].filter(isObject) : [];
  const primary = emails.find((email) => email['primary'] === true) ?? emails[0];
  return str(primary?.['value']);
}

/**
 * Where they work: the `work` (else primary, else first) address's
 * `locality`, else its `formatted` text. Entra and Okta map the office city
 * to `addresses[type eq "work"].locality`.
 */
function locationOf(resource: Json): string | undefined {
  const addresses = Array.isArray(resource['addresses'])
    ? resource['addresses'].filter(isObject)
    : [];
  const address =
    addresses.find((a) => String(a['type']).toLowerCase() === 'work') ??
    addresses.find((a) => a['primary'] === true) ??
    addresses[0];
  return str(address?.['locality'], 256) ?? str(address?.['formatted'], 256);
}

/** Reads a User resource (POST, PUT, or a patched resource) into a directory entry. */
export function entryOf(resource: unknown, scimId: string): DirectoryEntry {
  if (!isObject(resource)) throw new ScimBadRequest('invalidSyntax', 'body must be a JSON object');
  const userName = str(resource['userName']) ?? emailOf(resource);
  if (userName === undefined) throw new ScimBadRequest('invalidValue', 'userName is required');
  const active = resource['active'] === undefined ? true : bool(resource['active']);
  if (active === undefined) throw new ScimBadRequest('invalidValue', 'active must be a boolean');
  const enterprise = isObject(resource[ENTERPRISE_SCHEMA]) ? resource[ENTERPRISE_SCHEMA] : {};
  const manager = enterprise['manager'];
  return {
    scimId,
    userName,
    name: nameOf(resource),
    externalId: str(resource['externalId'], 256),
    title: str(resource['title'], 256),
    department: str(enterprise['department'], 256),
    manager: str(isObject(manager) ? manager['value'] : manager, 256),
    location: locationOf(resource),
    active,
  };
}

/** The stored person as a SCIM User resource. */
export function resourceOf(person: DirectoryPerson, baseUrl: string): Json {
  const enterprise: Json = {};
  if (person.department !== undefined) enterprise['department'] = person.department;
  if (person.manager !== undefined) enterprise['manager'] = { value: person.manager };
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: person.scimId,
    userName: person.userName,
    ...(person.externalId === undefined ? {} : { externalId: person.externalId }),
    ...(person.name === undefined
      ? {}
      : { displayName: person.name, name: { formatted: person.name } }),
    ...(person.title === undefined ? {} : { title: person.title }),
    ...(person.email === undefined
      ? {}
      : { emails: [{ value: person.email, type: 'work', primary: true }] }),
    ...(person.location === undefined
      ? {}
      : { addresses: [{ type: 'work', locality: person.location, primary: true }] }),
    active: person.active,
    [ENTERPRISE_SCHEMA]: enterprise,
    meta: {
      resourceType: 'User',
      location: `${baseUrl}/Users/${encodeURIComponent(person.scimId)}`,
    },
  };
}

/** Sets `path` (attribute, `a.b`, or an enterprise attribute by its URN) in `resource`. */
function setPath(resource: Json, path: string, value: unknown): void {
  if (path.startsWith(`${ENTERPRISE_SCHEMA}:`)) {
    const enterprise = isObject(resource[ENTERPRISE_SCHEMA]) ? resource[ENTERPRISE_SCHEMA] : {};
    resource[ENTERPRISE_SCHEMA] = enterprise;
    setPath(enterprise, path.slice(ENTERPRISE_SCHEMA.length + 1), value);
    return;
  }
  // `emails[type eq "work"].value`: the one address the directory keeps.
  if (/^emails(\[.*\])?(\.value)?$/i.test(path)) {
    resource['emails'] = Array.isArray(value) ? value : [{ value, primary: true }];
    return;
  }
  // `addresses[type eq "work"].locality`: the address the location is read from.
  const address = /^addresses\[type eq "(\w+)"\]\.(\w+)$/i.exec(path);
  if (address !== null) {
    const [, type = '', attribute = ''] = address;
    const addresses = Array.isArray(resource['addresses'])
      ? resource['addresses'].filter(isObject)
      : [];
    const found = addresses.find((a) => String(a['type']).toLowerCase() === type.toLowerCase());
    const target = found ?? { type };
    if (found === undefined) addresses.push(target);
    setPath(target, attribute, value);
    resource['addresses'] = addresses;
    return;
  }
  if (path.includes('[')) return; // other multi-valued attributes are not kept
  const [head = '', ...rest] = path.split('.');
  const key = Object.keys(resource).find((k) => k.toLowerCase() === head.toLowerCase()) ?? head;
  if (rest.length === 0) {
    if (value === undefined) Reflect.deleteProperty(resource, key);
    else resource[key] = value;
    return;
  }
  const child = isObject(resource[key]) ? resource[key] : {};
  resource[key] = child;
  setPath(child, rest.join('.'), value);
}

/** Applies a PatchOp body to `resource` (a copy is changed and returned). */
export function patched(resource: Json, body: unknown): Json {
  const operations = isObject(body) ? body['Operations'] : undefined;
  if (!Array.isArray(operations)) {
    throw new ScimBadRequest('invalidSyntax', 'Operations must be a list');
  }
  const next = structuredClone(resource);
  for (const operation of operations) {
    if (!isObject(operation)) throw new ScimBadRequest('invalidSyntax', 'bad operation');
    const op = String(operation['op']).toLowerCase();
    const path = str(operation['path'], 1000);
    const value = operation['value'];
    if (op === 'remove') {
      if (path === undefined) throw new ScimBadRequest('noTarget', 'remove needs a path');
      setPath(next, path, undefined);
    } else if (op === 'add' || op === 'replace') {
      if (path !== undefined) setPath(next, path, value);
      else if (isObject(value)) {
        for (const [key, item] of Object.entries(value)) {
          if (key === ENTERPRISE_SCHEMA && isObject(item)) {
            for (const [sub, subValue] of Object.entries(item)) {
              setPath(next, `${ENTERPRISE_SCHEMA}:${sub}`, subValue);
            }
          } else setPath(next, key, item);
        }
      } else throw new ScimBadRequest('invalidValue', 'a patch without path needs an object value');
    } else throw new ScimBadRequest('invalidSyntax', `unknown op "${String(operation['op'])}"`);
  }
  return next;
}
