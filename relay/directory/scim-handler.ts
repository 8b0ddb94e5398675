/**
 * SCIM 2.0 provisioning at `/scim/v2` (RFC 7644): the company's identity
 * provider creates, updates and deactivates people here, authenticated by a
 * bearer token from the relay's configuration (compared in constant time).
 * DELETE deactivates rather than erases, so a person's name stays on what
 * they wrote. Deactivation closes the person's live sockets on every node
 * (a membership removal per space through the fan-out) and their tokens are
 * refused from then on (people-recorder.ts).
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { provisionPerson } from './provision.ts';
import { groupsHandler } from './scim-groups-handler.ts';
import {
  eqFilter,
  ERROR_SCHEMA,
  listResponse,
  MAX_PAGE,
  pageOf,
  readJson,
  SCIM_PREFIX,
  ScimError,
  send,
  type ScimDeps,
} from './scim-http.ts';
import { entryOf, patched, resourceOf, ScimBadRequest } from './scim-user.ts';

export { SCIM_PREFIX, type ScimDeps } from './scim-http.ts';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Hashing first makes the comparison constant-time whatever the lengths. */
function authorized(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1].trim()), digest(token));
}

/** Builds the `/scim/v2` handler; `baseUrl` of locations comes from the request's host. */
export function createScimHandler(
  deps: ScimDeps,
): (req: IncomingMessage, res: ServerResponse, path: string) => void {
  const users = async (
    req: IncomingMessage,
    id: string | null,
    query: URLSearchParams,
    base: string,
  ) => {
    const method = req.method ?? 'GET';
    if (id === null && method === 'GET') {
      const { offset, limit } = pageOf(query);
      const page = await deps.store.directory.listProvisioned(
        eqFilter(query.get('filter'), 'userName'),
        offset,
        limit,
      );
      return {
        status: 200,
        body: listResponse(
          page.total,
          offset,
          page.people.map((person) => resourceOf(person, base)),
        ),
      };
    }
    if (id === null && method === 'POST') {
      const entry = entryOf(await readJson(req), randomUUID());
      const stored = await provisionPerson(deps, entry, 'scim');
      if (stored === 'conflict') throw new ScimError(409, 'userName is taken', 'uniqueness');
      return { status: 201, body: resourceOf(stored, base) };
    }
    if (id === null) throw new ScimError(405, 'method not allowed');
    const current = await deps.store.directory.provisioned(id);
    if (current === null) throw new ScimError(404, `no user ${id}`);
    if (method === 'GET') return { status: 200, body: resourceOf(current, base) };
    let entry;
    if (method === 'PUT') entry = entryOf(await readJson(req), id);
    else if (method === 'PATCH')
      entry = entryOf(patched(resourceOf(current, base), await readJson(req)), id);
    else if (method === 'DELETE') entry = { ...current, active: false };
    else throw new ScimError(405, 'method not allowed');
    const stored = await provisionPerson(deps, entry, 'scim');
    if (stored === 'conflict') throw new ScimError(409, 'userName is taken', 'uniqueness');
    return method === 'DELETE'
      ? { status: 204, body: undefined }
      : { status: 200, body: resourceOf(stored, base) };
  };

  const groups = groupsHandler(deps);
  return (req, res, path) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const base = `http://${req.headers.host ?? 'localhost'}${SCIM_PREFIX}`;
    void (async () => {
      try {
        if (!authorized(req, deps.token))
          throw new ScimError(401, 'a valid bearer token is required');
        const rest = path.slice(SCIM_PREFIX.length);
        if (rest === '/ServiceProviderConfig') {
          send(res, 200, serviceProviderConfig());
          return;
        }
        const match = /^\/(Users|Groups)(?:\/([^/]+))?$/.exec(rest);
        if (match === null) throw new ScimError(404, 'no such resource');
        const id = match[2] === undefined ? null : decodeURIComponent(match[2]);
        const answer =
          match[1] === 'Groups'
            ? await groups(req, id, url.searchParams, base)
            : await users(req, id, url.searchParams, base);
        send(res, answer.status, answer.body);
      } catch (err) {
        const error =
          err instanceof ScimError
            ? err
            : err instanceof ScimBadRequest
              ? new ScimError(400, err.message, err.scimType)
              : new ScimError(500, 'internal error');
        if (error.status === 500) deps.log.error('SCIM request failed', { error: String(err) });
        send(res, error.status, {
          schemas: [ERROR_SCHEMA],
          status: String(error.status),
          ...(error.scimType === undefined ? {} : { scimType: error.scimType }),
          detail: error.message,
        });
      }
    })();
  };
}

function serviceProviderConfig(): unknown {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: "The relay's --scim-token" },
    ],
  };
}

/** Routes `/scim/v2/…` to `scim` (404 without it: SCIM off), everything else to `handler`. */
export function withScim(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  scim: ((req: IncomingMessage, res: ServerResponse, path: string) => void) | undefined,
): (req: IncomingMessage, res: ServerResponse) => void {
  if (scim === undefined) return handler;
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (path === SCIM_PREFIX || path.startsWith(`${SCIM_PREFIX}/`)) scim(req, res, path);
    else handler(req, res);
  };
}
