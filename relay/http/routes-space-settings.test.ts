// Space settings through `PATCH /api/spaces/{id}` against a
// real relay (real SQLite) and a real dev IdP: roles, validation, what
// `GET /api/spaces` then shows, CORS preflight and the OpenAPI entry.
import { describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  MySpacesResponseSchema,
  SpaceSchema,
  type MySpace,
} from '../../shared/api.ts';
import { ADA, ALAN, GRACE, KATHERINE, type DemoPerson } from '../integration/demo-people.ts';
import { useApiRig, type ApiRig } from '../integration/api-rig.ts';

const WEB_ORIGIN = 'http://127.0.0.1:5173';

const rigs = useApiRig({ corsOrigins: [WEB_ORIGIN], limits: { maxApiBodyBytes: 4096 } });
let rig: ApiRig;

/** A relay with a space owned by Ada; Grace editor, Katherine viewer, Alan outside. */
async function start(): Promise<string> {
  rig = await rigs.start();
  return rig.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' }, 'Design');
}

async function spaceAs(person: DemoPerson, spaceId: string): Promise<MySpace | undefined> {
  const answer = await rig.api(person, 'GET', '/api/spaces');
  return MySpacesResponseSchema.parse(answer.body).spaces.find((s) => s.id === spaceId);
}

function errorCode(body: unknown): string {
  return ApiErrorSchema.parse(body).error.code;
}

describe('PATCH /api/spaces/{id}', () => {
  it('lets an owner set name, icon and description; every member then lists them', async () => {
    const spaceId = await start();
    const answer = await rig.api(ADA, 'PATCH', `/api/spaces/${spaceId}`, {
      name: '  Product design ',
      icon: '🎨',
      description: 'Mock-ups,\nreviews and the style guide.',
    });
    expect(answer.status).toBe(200);
    expect(SpaceSchema.parse(answer.body)).toEqual({
      id: spaceId,
      name: 'Product design',
      icon: '🎨',
      description: 'Mock-ups,\nreviews and the style guide.',
    });
    expect(await spaceAs(GRACE, spaceId)).toEqual({
      id: spaceId,
      name: 'Product design',
      icon: '🎨',
      description: 'Mock-ups,\nreviews and the style guide.',
      role: 'editor',
    });
    expect((await spaceAs(KATHERINE, spaceId))?.name).toBe('Product design');
  });

  it('changes only the fields sent; null clears icon and description', async () => {
    const spaceId = await start();
    await rig.api(ADA, 'PATCH', `/api/spaces/${spaceId}`, {
      icon: '👩‍👩‍👧‍👦',
      description: 'Family',
    });
    const renamed = await rig.api(ADA, 'PATCH', `/api/spaces/${spaceId}`, { name: 'Home' });
    expect(renamed.body).toEqual({
      id: spaceId,
      name: 'Home',
      icon: '👩‍👩‍👧‍👦',
      description: 'Family',
    });
    const cleared = await rig.api(ADA, 'PATCH', `/api/spaces/${spaceId}`, {
      icon: null,
      description: null,
    });
    expect(cleared.body).toEqual({ id: spaceId, name: 'Home' });
    expect(await spaceAs(ADA, spaceId)).toEqual({ id: spaceId, name: 'Home', role: 'owner' });
  });

  it.each([
    ['an editor', () => GRACE, 403, 'forbidden'],
    ['a viewer', () => KATHERINE, 403, 'forbidden'],
    ['a non-member', () => ALAN, 403, 'forbidden'],
  ])('refuses %s with 403 and changes nothing', async (_who, token, status, code) => {
    const spaceId = await start();
    const answer = await rig.api(token(), 'PATCH', `/api/spaces/${spaceId}`, {
      name: 'Hijacked',
    });
    expect(answer.status).toBe(status);
    expect(errorCode(answer.body)).toBe(code);
    expect((await spaceAs(ADA, spaceId))?.name).toBe('Design');
  });

  it('answers 404 for an unknown or malformed space id, 401 without a token', async () => {
    await start();
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Fx']) {
      const answer = await rig.api(ADA, 'PATCH', `/api/spaces/${id}`, { name: 'X' });
      expect(answer.status).toBe(404);
      expect(errorCode(answer.body)).toBe('not_found');
    }
    const anonymous = await rig.api(null, 'PATCH', '/api/spaces/AAAAAAAAAAAAAAAAAAAAAA', {});
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['an empty body', {}],
    ['an unknown field', { name: 'X', owner: 'me' }],
    ['an empty name', { name: '   ' }],
    ['a null name', { name: null }],
    ['an over-long name', { name: 'x'.repeat(121) }],
    ['an over-long icon', { icon: '🎨'.repeat(17) }],
    ['an empty icon', { icon: '  ' }],
    ['an icon with a line break', { icon: 'a\nb' }],
    ['a number as icon', { icon: 7 }],
    ['an over-long description', { description: 'd'.repeat(1001) }],
    ['a description with control characters', { description: 'bell\u0007' }],
    ['not an object', ['name']],
  ])('refuses %s with 400 and changes nothing', async (_name, body) => {
    const spaceId = await start();
    const answer = await rig.api(ADA, 'PATCH', `/api/spaces/${spaceId}`, body);
    expect(answer.status).toBe(400);
    expect(errorCode(answer.body)).toBe('invalid_body');
    expect(await spaceAs(ADA, spaceId)).toEqual({ id: spaceId, name: 'Design', role: 'owner' });
  });

  it('POST /api/spaces takes an icon and a description too', async () => {
    await start();
    const created = await rig.api(ADA, 'POST', '/api/spaces', {
      name: 'Ops',
      icon: '🛠️',
      description: 'Runbooks',
    });
    expect(created.status).toBe(201);
    const { id } = SpaceSchema.parse(created.body);
    expect(await spaceAs(ADA, id)).toEqual({
      id,
      name: 'Ops',
      icon: '🛠️',
      description: 'Runbooks',
      role: 'owner',
    });
  });

  it('allows PATCH in the CORS preflight and is documented in the OpenAPI document', async () => {
    const spaceId = await start();
    const preflight = await fetch(`${rig.relay.httpUrl}/api/spaces/${spaceId}`, {
      method: 'OPTIONS',
      headers: { origin: WEB_ORIGIN, 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const doc = (await rig.api(null, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(doc.paths['/api/spaces/{id}']?.['patch']?.operationId).toBe('updateSpace');
  });
});
