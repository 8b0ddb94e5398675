// SCIM Groups, admins by the configured SCIM group (live), champions and the
// adoption view against a real relay on port 0 over real HTTP, with the
// request bodies Entra ID and Okta send.
import { describe, expect, it } from 'vitest';
import type { AdoptionReport } from '../../shared/adoption-api.ts';
import { isoWeek } from '../adoption/iso-week.ts';
import { SqliteSpaceStore } from '../spaces/sqlite-store.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';

const SCIM_TOKEN = 'scim-secret-for-the-adoption-tests';
const ADMINS = 'Commonplace Admins Test';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const rigs = useApiRig({ directory: { scimToken: SCIM_TOKEN }, adminGroup: ADMINS });

type Json = Record<string, unknown>;

async function scim(rig: ApiRig, method: string, path: string, body?: unknown) {
  const response = await fetch(`${rig.relay.httpUrl}/scim/v2${path}`, {
    method,
    headers: {
      authorization: `Bearer ${SCIM_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Json };
}

async function provision(rig: ApiRig, userName: string, department?: string): Promise<string> {
  const answer = await scim(rig, 'POST', '/Users', {
    schemas: [USER, ENTERPRISE],
    userName,
    active: true,
    ...(department === undefined ? {} : { [ENTERPRISE]: { department } }),
  });
  expect(answer.status).toBe(201);
  return String(answer.body['id']);
}

async function isAdmin(rig: ApiRig, person: typeof ADA | typeof GRACE): Promise<boolean> {
  const answer = await rig.api(person, 'GET', '/api/admin/status');
  expect(answer.status).toBe(200);
  return (answer.body as { admin: boolean }).admin;
}

async function auditKinds(rig: ApiRig, admin: typeof GRACE): Promise<Json[]> {
  await rig.relay.audit.flush();
  const answer = await rig.api(admin, 'GET', '/api/admin/audit?limit=200');
  expect(answer.status).toBe(200);
  return (answer.body as { entries: Json[] }).entries;
}

describe('SCIM Groups and admins by group', () => {
  it('creates, filters, patches (Entra and Okta) and deletes groups; members become admins live', async () => {
    const rig = await rigs.start();
    await rig.signIn(GRACE);
    const grace = await provision(rig, 'grace.hopper@example.com');
    const other = await provision(rig, 'someone@example.com');
    expect(await isAdmin(rig, GRACE)).toBe(false);

    // Entra creates the group empty, then adds members with a PATCH.
    const created = await scim(rig, 'POST', '/Groups', {
      schemas: [GROUP],
      displayName: ADMINS,
      externalId: 'entra-object-1',
    });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    expect(created.body).toMatchObject({ displayName: ADMINS, members: [] });
    const dup = await scim(rig, 'POST', '/Groups', { schemas: [GROUP], displayName: ADMINS });
    expect(dup.status).toBe(409);

    const found = await scim(
      rig,
      'GET',
      `/Groups?filter=${encodeURIComponent(`displayName eq "${ADMINS}"`)}&excludedAttributes=members`,
    );
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    expect((found.body['Resources'] as Json[])[0]).not.toHaveProperty('members');

    const add = await scim(rig, 'PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Add', path: 'members', value: [{ value: grace }, { value: other }] },
        { op: 'Replace', path: 'displayName', value: ADMINS },
      ],
    });
    expect(add.status).toBe(200);
    expect((add.body['members'] as Json[]).map((m) => m['value']).sort()).toEqual(
      [grace, other].sort(),
    );
    // No new sign-in: the next request already sees her as an admin.
    expect(await isAdmin(rig, GRACE)).toBe(true);
    expect(await isAdmin(rig, ADA)).toBe(false);

    // Okta removes one member by a filter path.
    const remove = await scim(rig, 'PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${grace}"]` }],
    });
    expect(remove.status).toBe(200);
    expect(await isAdmin(rig, GRACE)).toBe(false);

    // Entra's remove with a value list, then Okta's replace without a path.
    await scim(rig, 'PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: grace }] }],
    });
    const entraRemove = await scim(rig, 'PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: other }] }],
    });
    expect((entraRemove.body['members'] as Json[]).map((m) => m['value'])).toEqual([grace]);
    const okta = await scim(rig, 'PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { id, displayName: 'Renamed by Okta' } }],
    });
    expect(okta.body['displayName']).toBe('Renamed by Okta');
    expect(await isAdmin(rig, GRACE)).toBe(false);

    // PUT replaces name and members at once.
    const put = await scim(rig, 'PUT', `/Groups/${id}`, {
      schemas: [GROUP],
      displayName: ADMINS,
      members: [{ value: grace }],
    });
    expect(put.status).toBe(200);
    expect(await isAdmin(rig, GRACE)).toBe(true);
    const entries = await auditKinds(rig, GRACE);
    const kinds = entries.map((e) => e['kind']);
    expect(kinds).toContain('directory.group.created');
    expect(kinds).toContain('directory.group.updated');
    expect(entries.filter((e) => e['kind'] === 'directory.admin.granted').length).toBeGreaterThan(
      1,
    );
    expect(kinds).toContain('directory.admin.revoked');

    expect((await scim(rig, 'DELETE', `/Groups/${id}`)).status).toBe(204);
    expect((await scim(rig, 'GET', `/Groups/${id}`)).status).toBe(404);
    expect(await isAdmin(rig, GRACE)).toBe(false);
  });
});

describe('champions and the adoption view', () => {
  it('only admins set champions; the view refuses others and suppresses groups under 5', async () => {
    const rig = await rigs.start();
    for (const person of [ADA, GRACE, KATHERINE]) await rig.signIn(person);
    const grace = await provision(rig, 'grace.hopper@example.com');
    const group = await scim(rig, 'POST', '/Groups', {
      schemas: [GROUP],
      displayName: ADMINS,
      members: [{ value: grace }],
    });
    expect(group.status).toBe(201);

    // Nobody but an admin may mark a champion (and not themselves either).
    const refused = await rig.api(ADA, 'PUT', `/api/admin/people/${ADA}/champion`, {
      champion: true,
    });
    expect(refused.status).toBe(403);
    expect((await rig.api(ADA, 'GET', '/api/adoption')).status).toBe(403);
    const marked = await rig.api(GRACE, 'PUT', `/api/admin/people/${ADA}/champion`, {
      champion: true,
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: ADA, champion: true });
    const search = await rig.api(KATHERINE, 'GET', '/api/directory?q=ada');
    expect((search.body as { people: Json[] }).people).toContainEqual(
      expect.objectContaining({ id: ADA, champion: true }),
    );
    const status = await rig.api(ADA, 'GET', '/api/admin/status');
    expect(status.body).toEqual({ admin: false, champion: true });
    expect((await rig.api(KATHERINE, 'GET', '/api/adoption')).status).toBe(403);

    // Four active people in Legal, six in Sales this week.
    const legal: string[] = [];
    const sales: string[] = [];
    for (let i = 0; i < 4; i += 1)
      legal.push(await provision(rig, `legal${String(i)}@example.com`, 'Legal'));
    for (let i = 0; i < 6; i += 1)
      sales.push(await provision(rig, `sales${String(i)}@example.com`, 'Sales'));
    const side = new SqliteSpaceStore({ dataDir: rig.dataDir });
    try {
      const week = isoWeek(Date.now());
      for (const [i, scimId] of [...legal, ...sales].entries()) {
        const person = await side.directory.provisioned(scimId);
        if (person === null) throw new Error('not provisioned');
        await side.directory.activity.recordEdit({
          personId: person.id,
          spaceId: 'space-a',
          noteId: `note-${String(i)}`,
          day: new Date().toISOString().slice(0, 10),
          week,
        });
      }
    } finally {
      side.close();
    }

    const answer = await rig.api(ADA, 'GET', '/api/adoption?weeks=2');
    expect(answer.status).toBe(200);
    const report = answer.body as AdoptionReport;
    expect(report.minGroupSize).toBe(5);
    const now = report.weeks.at(-1);
    expect(now?.departments).toContainEqual({ department: 'Legal', suppressed: true });
    expect(now?.departments).toContainEqual({
      department: 'Sales',
      suppressed: false,
      figures: { activePeople: 6, notesCreated: 6, notesEdited: 6 },
    });
    // The signed-in demo people (no department, fewer than 5) are suppressed too,
    // and the total is Sales alone: nothing of Legal can be subtracted out.
    expect(now?.total).toEqual({ activePeople: 6, notesCreated: 6, notesEdited: 6 });
    expect(now?.activeSpaces).toBe(1);
    expect(JSON.stringify(report)).not.toMatch(/"activePeople":4|"activePeople":10/);

    const entries = await auditKinds(rig, GRACE);
    expect(entries).toContainEqual(
      expect.objectContaining({ kind: 'admin.champion.set', target: ADA, actor: GRACE }),
    );
    expect(entries.map((e) => e['kind'])).toContain('admin.adoption.viewed');
  });
});
