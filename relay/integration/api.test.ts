// Issue 3 point 5: the REST API against a real relay and a real dev IdP.
// Every route's happy path and its errors (400, 401, 403, 404, 409, 413,
// 415), CORS for the web client's origin, and the OpenAPI document.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  DirectoryResponseSchema,
  MembersResponseSchema,
  MySpacesResponseSchema,
} from '../../shared/api.ts';
import { ID_PATTERN } from '../../shared/wire.ts';
import { allRoutes } from '../http/api.ts';
import type { RelayHandle } from '../server.ts';
import {
  addMember,
  api,
  createSpace,
  startAuthRelay,
  startTestIdp,
  type TestIdp,
} from './auth-helpers.ts';
import { tempDataDir } from './helpers.ts';
import { DESKTOP_APP_ORIGIN } from '../../shared/wire.ts';

const ADA = 'emp-1001';
const GRACE = 'emp-1002';
const KATHERINE = 'emp-1003';
const ALAN = 'emp-1004';
const WEB_ORIGIN = 'http://127.0.0.1:5173';

let idp: TestIdp;
let relay: RelayHandle;
let cleanup: () => void;
let ada: string;
let grace: string;
let katherine: string;
let alan: string;

beforeAll(async () => {
  idp = await startTestIdp();
  ada = await idp.token(ADA);
  grace = await idp.token(GRACE);
  katherine = await idp.token(KATHERINE);
  alan = await idp.token(ALAN);
});
afterAll(async () => {
  await idp.close();
});
afterEach(async () => {
  await relay.close();
  cleanup();
});

async function start(): Promise<RelayHandle> {
  const data = tempDataDir();
  cleanup = data.cleanup;
  relay = await startAuthRelay(data.dir, idp, {
    corsOrigins: [WEB_ORIGIN],
    limits: { maxApiBodyBytes: 1024 },
  });
  return relay;
}

function errorCode(body: unknown): string {
  return ApiErrorSchema.parse(body).error.code;
}

describe('REST API', () => {
  it('answers 401 with a JSON error without a valid token, on every authenticated route', async () => {
    const r = await start();
    const routes = allRoutes('test').filter((route) => route.auth);
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      const path = route.path.replace('{id}', 'S').replace('{userId}', 'U');
      for (const token of [null, 'garbage', await idp.sign({ exp: 1 })]) {
        const answer = await api(r, token, route.method, path);
        expect({ route: route.operationId, status: answer.status }).toEqual({
          route: route.operationId,
          status: 401,
        });
        expect(errorCode(answer.body)).toBe('unauthorized');
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
  });

  it('GET /api/me returns the principal from the token', async () => {
    const r = await start();
    const answer = await api(r, ada, 'GET', '/api/me');
    expect(answer).toMatchObject({
      status: 200,
      body: { sub: ADA, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
    });
  });

  it('POST /api/spaces creates a space owned by the caller; GET /api/spaces lists it with the role', async () => {
    const r = await start();
    const created = await api(r, ada, 'POST', '/api/spaces', { name: '  Design  ' });
    expect(created.status).toBe(201);
    const { id, name } = created.body as { id: string; name: string };
    expect(id).toMatch(ID_PATTERN);
    expect(name).toBe('Design');
    const mine = MySpacesResponseSchema.parse((await api(r, ada, 'GET', '/api/spaces')).body);
    expect(mine.spaces).toEqual([{ id, name: 'Design', role: 'owner' }]);
    const theirs = MySpacesResponseSchema.parse((await api(r, alan, 'GET', '/api/spaces')).body);
    expect(theirs.spaces).toEqual([]);
  });

  it.each([
    ['empty name', { name: '   ' }, 400, 'invalid_body'],
    ['missing name', {}, 400, 'invalid_body'],
    ['unknown field', { name: 'x', owner: 'me' }, 400, 'invalid_body'],
    ['over-long name', { name: 'x'.repeat(121) }, 400, 'invalid_body'],
    ['not JSON', '{"name":', 400, 'invalid_json'],
    ['over the size limit', { name: 'x'.repeat(2000) }, 413, 'payload_too_large'],
  ])('POST /api/spaces refuses %s', async (_name, body, status, code) => {
    const r = await start();
    const answer = await api(r, ada, 'POST', '/api/spaces', body);
    expect(answer.status).toBe(status);
    expect(errorCode(answer.body)).toBe(code);
    expect(
      MySpacesResponseSchema.parse((await api(r, ada, 'GET', '/api/spaces')).body).spaces,
    ).toEqual([]);
  });

  it('POST /api/spaces refuses a body that is not application/json (415)', async () => {
    const r = await start();
    const answer = await api(r, ada, 'POST', '/api/spaces', '{"name":"x"}', {
      'content-type': 'text/plain',
    });
    expect(answer.status).toBe(415);
  });

  it('members: list (members only), add and change (owners only), remove, and the last owner stays', async () => {
    const r = await start();
    const spaceId = await createSpace(r, ada);
    const members = `/api/spaces/${spaceId}/members`;

    // Unknown person: must have signed in once.
    const unknown = await api(r, ada, 'PUT', `${members}/${GRACE}`, { role: 'editor' });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown.body)).toBe('unknown_person');

    await addMember(r, ada, spaceId, grace, GRACE, 'editor');
    await addMember(r, ada, spaceId, katherine, KATHERINE, 'viewer');
    const listed = MembersResponseSchema.parse((await api(r, grace, 'GET', members)).body);
    expect(listed.members).toEqual([
      { id: ADA, name: 'Ada Lovelace', email: 'ada.lovelace@example.com', role: 'owner' },
      { id: GRACE, name: 'Grace Hopper', email: 'grace.hopper@example.com', role: 'editor' },
      {
        id: KATHERINE,
        name: 'Katherine Johnson',
        email: 'katherine.johnson@example.com',
        role: 'viewer',
      },
    ]);

    // Non-member, unknown space, non-owner, bad role.
    expect((await api(r, alan, 'GET', members)).status).toBe(403);
    expect((await api(r, ada, 'GET', '/api/spaces/NoSuchSpace/members')).status).toBe(404);
    expect((await api(r, ada, 'GET', '/api/spaces/bad..id/members')).status).toBe(404);
    expect((await api(r, grace, 'PUT', `${members}/${KATHERINE}`, { role: 'owner' })).status).toBe(
      403,
    );
    const badRole = await api(r, ada, 'PUT', `${members}/${GRACE}`, { role: 'admin' });
    expect(badRole.status).toBe(400);
    expect(
      (await api(r, ada, 'PUT', `/api/spaces/NoSuchSpace/members/${GRACE}`, { role: 'viewer' }))
        .status,
    ).toBe(404);

    // The last owner can neither be demoted nor leave; with a second owner they can.
    const demoteSelf = await api(r, ada, 'PUT', `${members}/${ADA}`, { role: 'editor' });
    expect(demoteSelf.status).toBe(409);
    expect(errorCode(demoteSelf.body)).toBe('last_owner');
    expect((await api(r, ada, 'DELETE', `${members}/${ADA}`)).status).toBe(409);
    const promoted = await api(r, ada, 'PUT', `${members}/${GRACE}`, { role: 'owner' });
    expect(promoted).toMatchObject({ status: 200, body: { id: GRACE, role: 'owner' } });

    // Only owners remove others; anyone removes themselves.
    expect((await api(r, katherine, 'DELETE', `${members}/${GRACE}`)).status).toBe(403);
    expect((await api(r, katherine, 'DELETE', `${members}/${KATHERINE}`)).status).toBe(204);
    expect((await api(r, katherine, 'GET', members)).status).toBe(403);
    expect((await api(r, ada, 'DELETE', `${members}/${KATHERINE}`)).status).toBe(404);
    expect((await api(r, ada, 'DELETE', `${members}/${ADA}`)).status).toBe(204);
    const left = MembersResponseSchema.parse((await api(r, grace, 'GET', members)).body);
    expect(left.members.map((m) => [m.id, m.role])).toEqual([[GRACE, 'owner']]);
  });

  it('GET /api/directory lists people who have signed in, searched by name, email or id', async () => {
    const r = await start();
    await api(r, ada, 'GET', '/api/me');
    await api(r, grace, 'GET', '/api/me');
    const all = DirectoryResponseSchema.parse((await api(r, ada, 'GET', '/api/directory')).body);
    expect(all.people.map((p) => p.id)).toEqual([ADA, GRACE]);
    const byName = await api(r, ada, 'GET', '/api/directory?q=hopp');
    expect(byName.body).toEqual({
      people: [{ id: GRACE, name: 'Grace Hopper', email: 'grace.hopper@example.com' }],
    });
    const wildcard = DirectoryResponseSchema.parse(
      (await api(r, ada, 'GET', '/api/directory?q=%25')).body,
    );
    expect(wildcard.people).toEqual([]);
    expect((await api(r, ada, 'GET', `/api/directory?q=${'x'.repeat(101)}`)).status).toBe(400);
  });

  it('answers JSON 404 for an unknown API route and 405 for a wrong method', async () => {
    const r = await start();
    const missing = await api(r, ada, 'GET', '/api/nothing');
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('not_found');
    const wrong = await api(r, ada, 'PATCH', '/api/spaces');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it('allows the configured web origin (CORS, Authorization header, no credentials) and no other', async () => {
    const r = await start();
    const preflight = await fetch(`${r.httpUrl}/api/spaces`, {
      method: 'OPTIONS',
      headers: {
        origin: WEB_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await fetch(`${r.httpUrl}/api/spaces`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await api(r, ada, 'GET', '/api/spaces', undefined, { origin: WEB_ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    const other = await api(r, ada, 'GET', '/api/spaces', undefined, {
      origin: 'https://evil.example',
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Errors carry CORS too, so the web client can read the message.
    const denied = await api(r, null, 'GET', '/api/spaces', undefined, { origin: WEB_ORIGIN });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
  });

  it('always admits the desktop app’s origin, which no web page can claim', async () => {
    const r = await start();
    const preflight = await fetch(`${r.httpUrl}/api/spaces`, {
      method: 'OPTIONS',
      headers: {
        origin: DESKTOP_APP_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DESKTOP_APP_ORIGIN);
    const allowed = await api(r, ada, 'GET', '/api/spaces', undefined, {
      origin: DESKTOP_APP_ORIGIN,
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DESKTOP_APP_ORIGIN);
  });

  it('serves an OpenAPI 3.1 document, without a token, that describes every route of the router', async () => {
    const r = await start();
    const answer = await api(r, null, 'GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.body as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of allRoutes('test')) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      for (const status of Object.keys(route.responses)) {
        expect(op?.responses).toHaveProperty(status);
      }
    }
    // Generated from the zod schemas: the body of POST /api/spaces is the shared one.
    expect(doc.paths['/api/spaces']?.['post']?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { name: { type: 'string', minLength: 1, maxLength: 120 } },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(Object.keys(doc.paths).sort()).toEqual(
      [...new Set(allRoutes('test').map((route) => route.path))].sort(),
    );
  });
});
