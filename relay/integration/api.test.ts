// The REST API against a real relay and a real dev IdP.
// Every route's happy path and its errors (400, 401, 403, 404, 409, 413,
// 415), CORS for the web client's origin, and the OpenAPI document.
import { describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  DirectoryResponseSchema,
  MembersResponseSchema,
  MySpacesResponseSchema,
} from '../../shared/api.ts';
import { ID_PATTERN } from '../../shared/wire.ts';
import { allRoutes } from '../http/api.ts';
import { ADA, ALAN, GRACE, KATHERINE } from './demo-people.ts';
import { useApiRig } from './api-rig.ts';
import { DESKTOP_APP_ORIGIN } from '../../shared/wire.ts';

const WEB_ORIGIN = 'http://127.0.0.1:5173';

const rigs = useApiRig({ corsOrigins: [WEB_ORIGIN], limits: { maxApiBodyBytes: 1024 } });

function errorCode(body: unknown): string {
  return ApiErrorSchema.parse(body).error.code;
}

describe('REST API', () => {
  it('answers 401 with a JSON error without a valid token, on every authenticated route', async () => {
    const r = await rigs.start();
    const routes = allRoutes('test').filter((route) => route.auth);
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      const path = route.path.replace('{id}', 'S').replace('{userId}', 'U');
      for (const token of [null, 'garbage', await rigs.idp.sign({ exp: 1 })]) {
        const answer = await r.api(token === null ? null : { token }, route.method, path);
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
    const r = await rigs.start();
    const answer = await r.api(ADA, 'GET', '/api/me');
    expect(answer).toMatchObject({
      status: 200,
      body: { sub: ADA, name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
    });
  });

  it('POST /api/spaces creates a space owned by the caller; GET /api/spaces lists it with the role', async () => {
    const r = await rigs.start();
    const created = await r.api(ADA, 'POST', '/api/spaces', { name: '  Design  ' });
    expect(created.status).toBe(201);
    const { id, name } = created.body as { id: string; name: string };
    expect(id).toMatch(ID_PATTERN);
    expect(name).toBe('Design');
    const mine = MySpacesResponseSchema.parse((await r.api(ADA, 'GET', '/api/spaces')).body);
    expect(mine.spaces).toEqual([{ id, name: 'Design', role: 'owner' }]);
    const theirs = MySpacesResponseSchema.parse((await r.api(ALAN, 'GET', '/api/spaces')).body);
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
    const r = await rigs.start();
    const answer = await r.api(ADA, 'POST', '/api/spaces', body);
    expect(answer.status).toBe(status);
    expect(errorCode(answer.body)).toBe(code);
    expect(
      MySpacesResponseSchema.parse((await r.api(ADA, 'GET', '/api/spaces')).body).spaces,
    ).toEqual([]);
  });

  it('POST /api/spaces refuses a body that is not application/json (415)', async () => {
    const r = await rigs.start();
    const answer = await r.api(ADA, 'POST', '/api/spaces', '{"name":"x"}', {
      'content-type': 'text/plain',
    });
    expect(answer.status).toBe(415);
  });

  it('members: list (members only), add and change (owners only), remove, and the last owner stays', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA);
    const members = `/api/spaces/${spaceId}/members`;

    // Unknown person: must have signed in once.
    const unknown = await r.api(ADA, 'PUT', `${members}/${GRACE}`, { role: 'editor' });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown.body)).toBe('unknown_person');

    await r.addMembers(spaceId, ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const listed = MembersResponseSchema.parse((await r.api(GRACE, 'GET', members)).body);
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
    expect((await r.api(ALAN, 'GET', members)).status).toBe(403);
    expect((await r.api(ADA, 'GET', '/api/spaces/NoSuchSpace/members')).status).toBe(404);
    expect((await r.api(ADA, 'GET', '/api/spaces/bad..id/members')).status).toBe(404);
    expect((await r.api(GRACE, 'PUT', `${members}/${KATHERINE}`, { role: 'owner' })).status).toBe(
      403,
    );
    const badRole = await r.api(ADA, 'PUT', `${members}/${GRACE}`, { role: 'admin' });
    expect(badRole.status).toBe(400);
    expect(
      (await r.api(ADA, 'PUT', `/api/spaces/NoSuchSpace/members/${GRACE}`, { role: 'viewer' }))
        .status,
    ).toBe(404);

    // The last owner can neither be demoted nor leave; with a second owner they can.
    const demoteSelf = await r.api(ADA, 'PUT', `${members}/${ADA}`, { role: 'editor' });
    expect(demoteSelf.status).toBe(409);
    expect(errorCode(demoteSelf.body)).toBe('last_owner');
    expect((await r.api(ADA, 'DELETE', `${members}/${ADA}`)).status).toBe(409);
    const promoted = await r.api(ADA, 'PUT', `${members}/${GRACE}`, { role: 'owner' });
    expect(promoted).toMatchObject({ status: 200, body: { id: GRACE, role: 'owner' } });

    // Only owners remove others; anyone removes themselves.
    expect((await r.api(KATHERINE, 'DELETE', `${members}/${GRACE}`)).status).toBe(403);
    expect((await r.api(KATHERINE, 'DELETE', `${members}/${KATHERINE}`)).status).toBe(204);
    expect((await r.api(KATHERINE, 'GET', members)).status).toBe(403);
    expect((await r.api(ADA, 'DELETE', `${members}/${KATHERINE}`)).status).toBe(404);
    expect((await r.api(ADA, 'DELETE', `${members}/${ADA}`)).status).toBe(204);
    const left = MembersResponseSchema.parse((await r.api(GRACE, 'GET', members)).body);
    expect(left.members.map((m) => [m.id, m.role])).toEqual([[GRACE, 'owner']]);
  });

  it('GET /api/directory lists people who have signed in, searched by name, email or id', async () => {
    const r = await rigs.start();
    await r.api(ADA, 'GET', '/api/me');
    await r.api(GRACE, 'GET', '/api/me');
    const all = DirectoryResponseSchema.parse((await r.api(ADA, 'GET', '/api/directory')).body);
    expect(all.people.map((p) => p.id)).toEqual([ADA, GRACE]);
    const byName = await r.api(ADA, 'GET', '/api/directory?q=hopp');
    expect(byName.body).toEqual({
      people: [{ id: GRACE, name: 'Grace Hopper', email: 'grace.hopper@example.com' }],
    });
    const wildcard = DirectoryResponseSchema.parse(
      (await r.api(ADA, 'GET', '/api/directory?q=%25')).body,
    );
    expect(wildcard.people).toEqual([]);
    expect((await r.api(ADA, 'GET', `/api/directory?q=${'x'.repeat(101)}`)).status).toBe(400);
  });

  it('answers JSON 404 for an unknown API route and 405 for a wrong method', async () => {
    const r = await rigs.start();
    const missing = await r.api(ADA, 'GET', '/api/nothing');
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('not_found');
    const wrong = await r.api(ADA, 'PATCH', '/api/spaces');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  it('allows the configured web origin (CORS, Authorization header, no credentials) and no other', async () => {
    const r = await rigs.start();
    const preflight = await fetch(`${r.relay.httpUrl}/api/spaces`, {
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
    const refused = await fetch(`${r.relay.httpUrl}/api/spaces`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await r.api(ADA, 'GET', '/api/spaces', undefined, { origin: WEB_ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    const other = await r.api(ADA, 'GET', '/api/spaces', undefined, {
      origin: 'https://evil.example',
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Errors carry CORS too, so the web client can read the message.
    const denied = await r.api(null, 'GET', '/api/spaces', undefined, { origin: WEB_ORIGIN });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
  });

  it('always admits the desktop app’s origin, which no web page can claim', async () => {
    const r = await rigs.start();
    const preflight = await fetch(`${r.relay.httpUrl}/api/spaces`, {
      method: 'OPTIONS',
      headers: {
        origin: DESKTOP_APP_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DESKTOP_APP_ORIGIN);
    const allowed = await r.api(ADA, 'GET', '/api/spaces', undefined, {
      origin: DESKTOP_APP_ORIGIN,
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DESKTOP_APP_ORIGIN);
  });

  it('serves an OpenAPI 3.1 document, without a token, that describes every route of the router', async () => {
    const r = await rigs.start();
    const answer = await r.api(null, 'GET', '/api/openapi.json');
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
