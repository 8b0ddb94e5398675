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
import type { AuditInput } from '../audit/types.ts';
import type { MembershipChange } from '../fanout/types.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { Logger } from '../log.ts';
import { provisionPerson } from './provision.ts';
import { entryOf, patched, resourceOf, ScimBadRequest } from './scim-user.ts';

export const SCIM_PREFIX = '/scim/v2';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const MAX_BODY_BYTES = 256 * 1024;
const MAX_PAGE = 200;

export interface ScimDeps {
  readonly token: string;
  readonly store: SpaceStore;
  readonly publishMembership: (change: MembershipChange) => void;
  readonly audit: (input: AuditInput) => void;
  readonly log: Logger;
}

class ScimError extends Error {
  readonly status: number;
  readonly scimType: string | undefined;
  constructor(status: number, message: string, scimType?: string) {
    super(message);
    this.status = status;
    this.scimType = scimType;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/scim+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Hashing first makes the comparison constant-time whatever the lengths. */
function authorized(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1].trim()), digest(token));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ScimError(413, 'request body too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ScimError(400, 'body is not JSON', 'invalidSyntax');
  }
}

/** `userName eq "ada@example.com"`, the one filter IdPs need to find a person. */
function userNameFilter(filter: string | null): string | null {
  if (filter === null || filter.trim() === '') return null;
  const match = /^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (match?.[1] === undefined) {
    throw new ScimError(400, 'only the filter userName eq "…" is supported', 'invalidFilter');
  }
  return match[1].replace(/\\(.)/g, '$1');
}

function pageOf(query: URLSearchParams): { offset: number; limit: number } {
  const start = Math.max(1, Number.parseInt(query.get('startIndex') ?? '1', 10) || 1);
  const count = Number.parseInt(query.get('count') ?? String(MAX_PAGE), 10);
  return {
    offset: start - 1,
    limit: Math.min(MAX_PAGE, Math.max(0, Number.isNaN(count) ? MAX_PAGE : count)),
  };
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
        userNameFilter(query.get('filter')),
        offset,
        limit,
      );
      return {
        status: 200,
        body: {
          schemas: [LIST_SCHEMA],
          totalResults: page.total,
          startIndex: offset + 1,
          itemsPerPage: page.people.length,
          Resources: page.people.map((person) => resourceOf(person, base)),
        },
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
        const match = /^\/Users(?:\/([^/]+))?$/.exec(rest);
        if (match === null) throw new ScimError(404, 'no such resource');
        const id = match[1] === undefined ? null : decodeURIComponent(match[1]);
        const answer = await users(req, id, url.searchParams, base);
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
