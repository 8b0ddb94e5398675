// SCIM provisioning against a real relay on port 0 over real HTTP, with the
// bodies Entra ID and Okta send: people are in the directory before they sign
// in, a deactivated person's open socket is closed and their tokens refused
// (their name stays on the space's members), and a never-signed-in person
// invited by their directory entry is admitted on first sign-in.
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/wire.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { synced } from './helpers.ts';

const SCIM_TOKEN = 'scim-secret-for-the-tests';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const rigs = useApiRig({ directory: { scimToken: SCIM_TOKEN } });

interface ScimAnswer {
  readonly status: number;
  readonly type: string | null;
  readonly body: Record<string, unknown>;
}

async function scim(
  rig: ApiRig,
  method: string,
  path: string,
  body?: unknown,
  token = SCIM_TOKEN,
): Promise<ScimAnswer> {
  const response = await fetch(`${rig.relay.httpUrl}/scim/v2${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

function user(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: [USER, ENTERPRISE], userName, active: true, ...extra };
}

async function directory(rig: ApiRig, q: string): Promise<{ id: string; name?: string }[]> {
  const answer = await rig.api(ADA, 'GET', `/api/directory?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return (answer.body as { people: { id: string; name?: string }[] }).people;
}

describe('SCIM 2.0 provisioning', () => {
  it('refuses a missing or wrong bearer token with a SCIM error', async () => {
    const rig = await rigs.start();
    for (const token of ['', 'not-the-token-at-all']) {
      const answer = await scim(rig, 'GET', '/Users', undefined, token);
      expect(answer.status).toBe(401);
      expect(answer.type).toContain('application/scim+json');
      expect(answer.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '401',
      });
    }
  });

  it('creates, finds, updates (Entra and Okta PATCH) and deactivates people', async () => {
    const rig = await rigs.start();
    const created = await scim(
      rig,
      'POST',
      '/Users',
      user('linus@example.com', {
        name: { givenName: 'Linus', familyName: 'Pauling' },
        title: 'Chemist',
        addresses: [
          { type: 'home', locality: 'Portland' },
          { type: 'work', locality: 'Pasadena', formatted: '1200 E California Blvd' },
        ],
        [ENTERPRISE]: { department: 'Research', manager: { value: 'boss-1' } },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userName: 'linus@example.com',
      displayName: 'Linus Pauling',
      title: 'Chemist',
      addresses: [{ type: 'work', locality: 'Pasadena' }],
      active: true,
      [ENTERPRISE]: { department: 'Research', manager: { value: 'boss-1' } },
    });
    const id = String(created.body['id']);
    // In the people search before ever signing in.
    expect((await directory(rig, 'Pauling')).map((p) => p.name)).toEqual(['Linus Pauling']);

    expect((await scim(rig, 'POST', '/Users', user('LINUS@example.com'))).status).toBe(409);
    const found = await scim(rig, 'GET', '/Users?filter=userName%20eq%20%22Linus%40example.com%22');
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    const none = await scim(rig, 'GET', '/Users?filter=userName%20eq%20%22nobody%40example.com%22');
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await scim(rig, 'GET', '/Users?filter=title%20sw%20%22x%22')).body).toMatchObject({
      scimType: 'invalidFilter',
    });

    // Entra ID: capitalised op, path, string boolean.
    const entra = await scim(rig, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'title', value: 'Senior Chemist' },
        { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Labs' },
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Replace', path: 'addresses[type eq "work"].locality', value: 'Stanford' },
      ],
    });
    expect(entra.status).toBe(200);
    expect(entra.body).toMatchObject({
      title: 'Senior Chemist',
      addresses: [{ type: 'work', locality: 'Stanford' }],
      active: false,
      [ENTERPRISE]: { department: 'Labs' },
    });
    // Okta: no path, an object value.
    const okta = await scim(rig, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(okta.body).toMatchObject({ active: true, title: 'Senior Chemist' });
    const put = await scim(
      rig,
      'PUT',
      `/Users/${id}`,
      user('linus@example.com', {
        displayName: 'L. Pauling',
        // No locality: the formatted address stands in.
        addresses: [{ primary: true, formatted: 'Corvallis, Oregon' }],
      }),
    );
    expect(put.body).toMatchObject({
      displayName: 'L. Pauling',
      active: true,
      addresses: [{ type: 'work', locality: 'Corvallis, Oregon' }],
    });
    expect(put.body['title']).toBeUndefined();

    expect((await scim(rig, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim(rig, 'GET', `/Users/${id}`)).body).toMatchObject({ active: false });
    expect((await scim(rig, 'GET', '/Users/no-such-id')).status).toBe(404);
  });

  it("closes a deactivated person's open socket, refuses their token, keeps their name", async () => {
    const rig = await rigs.start();
    const spaceId = await rig.space(ADA, { [GRACE]: 'editor' });
    const room = `${spaceId}/notes`;
    const grace = await rig.openRaw(`/${room}?token=${rig.tokens[GRACE]}`);
    const ada = rig.connect(room, ADA);
    await synced(ada);
    // Grace signed in before the IdP provisioned her: her entry joins her record.
    const created = await scim(rig, 'POST', '/Users', user('grace.hopper@example.com'));
    const id = String(created.body['id']);
    const okta = await scim(rig, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(okta.status).toBe(200);
    expect((await grace.closed).code).toBe(CloseCode.Forbidden);

    const again = await rig.openRaw(`/${room}?token=${rig.tokens[GRACE]}`);
    const refused = await again.closed;
    expect(refused.code).toBe(CloseCode.Unauthorized);
    expect(refused.reason).toContain('deactivated');
    const rest = await rig.api(GRACE, 'GET', '/api/spaces');
    expect(rest.status).toBe(401);
    expect(JSON.stringify(rest.body)).toContain('deactivated');
    // Authorship: she is still a member by name; Ada is unaffected.
    const members = await rig.api(ADA, 'GET', `/api/spaces/${spaceId}/members`);
    expect(members.body).toMatchObject({
      members: expect.arrayContaining([
        expect.objectContaining({ id: GRACE, name: 'Grace Hopper' }),
      ]) as unknown,
    });
    expect(ada.provider.wsconnected).toBe(true);
  });

  it('invites a person who never signed in; they see the space on first sign-in', async () => {
    const rig = await rigs.start();
    const spaceId = await rig.space(ADA);
    await scim(
      rig,
      'POST',
      '/Users',
      user('katherine.johnson@example.com', { displayName: 'Katherine Johnson' }),
    );
    const [entry] = await directory(rig, 'katherine');
    expect(entry?.name).toBe('Katherine Johnson');
    expect(entry?.id).not.toBe(KATHERINE);
    const invited = await rig.api(
      ADA,
      'PUT',
      `/api/spaces/${spaceId}/members/${encodeURIComponent(entry?.id ?? '')}`,
      {
        role: 'editor',
      },
    );
    expect(invited.status).toBe(200);

    // First sign-in: the entry becomes hers, with the membership.
    const mine = await rig.api(KATHERINE, 'GET', '/api/spaces');
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).toContain(spaceId);
    const client = rig.connect(`${spaceId}/notes`, KATHERINE);
    await synced(client);
    expect((await directory(rig, 'katherine')).map((p) => p.id)).toEqual([KATHERINE]);
  });
});
