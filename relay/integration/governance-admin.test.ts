// Company admins (the IdP group named by `adminGroup`, here the dev IdP's
// demo admin) read the audit log, list people and spaces, and recover a
// space whose owners are gone. Everyone else is refused with 403, and that
// refusal is itself in the log; so is every admin action.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AdminSpacesResponseSchema,
  AuditEntrySchema,
  AuditPageSchema,
  type AuditEntry,
} from '../../shared/admin-api.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';

/** The dev IdP's demo admin (employees.ts puts her in the admin group). */
const HEDY = 'emp-1005';
const ADMIN_GROUP = 'commonplace-admins';

const rigs = useApiRig({ adminGroup: ADMIN_GROUP });

async function admin(_r?: ApiRig): Promise<{ token: string }> {
  return { token: await rigs.idp.token(HEDY) };
}

/** Audit entries matching `query`, newest first, read over REST as the admin. */
async function audit(r: ApiRig, query = ''): Promise<AuditEntry[]> {
  await r.relay.audit.flush();
  const answer = await r.api(await admin(r), 'GET', `/api/admin/audit?${query}`);
  expect(answer.status).toBe(200);
  return AuditPageSchema.parse(answer.body).entries;
}

describe('company admins', () => {
  it('tells the app who is an admin, and refuses admin routes to everyone else, audited', async () => {
    const r = await rigs.start();
    expect((await r.api(ADA, 'GET', '/api/admin/status')).body).toEqual({ admin: false });
    expect((await r.api(await admin(r), 'GET', '/api/admin/status')).body).toEqual({
      admin: true,
    });
    for (const path of [
      '/api/admin/audit',
      '/api/admin/audit/export?format=csv',
      '/api/admin/audit/verify',
      '/api/admin/people',
      '/api/admin/spaces',
    ]) {
      expect((await r.api(ADA, 'GET', path)).status, path).toBe(403);
    }
    const space = await r.space(ADA);
    const recover = await r.api(ADA, 'POST', `/api/admin/spaces/${space}/recover`, {
      userId: ADA,
    });
    expect(recover.status).toBe(403);
    const refused = await audit(r, `person=${ADA}&kind=refused`);
    expect(refused.map((e) => e.target).sort()).toEqual(
      [
        'exportAuditEntries',
        'listAllPeople',
        'listAllSpaces',
        'listAuditEntries',
        'recoverSpace',
        'verifyAuditLog',
      ].sort(),
    );
    expect(refused[0]).toMatchObject({
      actor: ADA,
      space,
      ip: '127.0.0.1',
      detail: { channel: 'rest', status: 403, method: 'POST' },
    });
  });

  it('a group named differently, or no admin group at all, makes nobody an admin', async () => {
    const r = await rigs.start({ adminGroup: 'someone-else' });
    expect((await r.api(await admin(r), 'GET', '/api/admin/people')).status).toBe(403);
    const none = await rigs.start({ adminGroup: undefined as unknown as string });
    expect((await none.api(await admin(none), 'GET', '/api/admin/status')).body).toEqual({
      admin: false,
    });
  });

  it('reads groups from the configured claim, as a list or one string', async () => {
    const r = await rigs.start({ adminGroup: 'it-sec', auth: { groupsClaim: 'roles' } });
    const status = async (claims: Record<string, unknown>) =>
      (await r.api({ token: await rigs.idp.sign(claims) }, 'GET', '/api/admin/status')).body;
    expect(await status({ roles: ['staff', 'it-sec'] })).toEqual({ admin: true });
    expect(await status({ roles: 'it-sec' })).toEqual({ admin: true });
    // The default claim name no longer counts, nor does a near miss.
    expect(await status({ groups: ['it-sec'] })).toEqual({ admin: false });
    expect(await status({ roles: ['IT-SEC', 'it-sec-2'] })).toEqual({ admin: false });
  });

  it('records sign-ins, spaces and membership changes with who, when and from where', async () => {
    const r = await rigs.start();
    const before = Date.now();
    await r.api(GRACE, 'GET', '/api/me', undefined, { 'user-agent': 'audit-test/1.0' });
    const space = await r.space(ADA, { [GRACE]: 'editor' });
    await r.api(ADA, 'DELETE', `/api/spaces/${space}/members/${GRACE}`);
    const signIn = (await audit(r, `person=${GRACE}&kind=sign-in`))[0];
    expect(signIn).toMatchObject({ ip: '127.0.0.1', userAgent: 'audit-test/1.0' });
    expect(signIn?.at).toBeGreaterThanOrEqual(before);
    // One sign-in per session, not per call.
    await r.api(GRACE, 'GET', '/api/me');
    expect(await audit(r, `person=${GRACE}&kind=sign-in`)).toHaveLength(1);
    expect((await r.api(ADA, 'POST', `/api/spaces/${space}/exports`)).status).toBe(204);
    expect((await r.api(KATHERINE, 'POST', `/api/spaces/${space}/exports`)).status).toBe(403);
    const changes = await audit(r, `space=${space}`);
    expect(changes.map((e) => [e.kind, e.actor, e.target, e.detail['role'] ?? null])).toEqual([
      ['refused', KATHERINE, 'recordSpaceExport', null],
      ['space.exported', ADA, null, null],
      ['member.removed', ADA, GRACE, null],
      ['member.set', ADA, GRACE, 'editor'],
      ['space.created', ADA, null, null],
    ]);
  });

  it('recovers a space whose owners have all left, and the recovery is audited', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' }, 'Orphaned');
    // Ada left the company: her membership is gone, with no owner left behind.
    const db = new DatabaseSync(join(r.dataDir, 'spaces.sqlite'));
    db.prepare('DELETE FROM members WHERE space_id = ? AND user_id = ?').run(space, ADA);
    db.close();
    expect(
      (await r.api(GRACE, 'PUT', `/api/spaces/${space}/members/${KATHERINE}`, { role: 'editor' }))
        .status,
    ).toBe(403);

    const listed = await r.api(await admin(r), 'GET', '/api/admin/spaces');
    const orphan = AdminSpacesResponseSchema.parse(listed.body).spaces.find((s) => s.id === space);
    expect(orphan).toMatchObject({ name: 'Orphaned', owners: [], members: 2, deletedAt: null });
    // Metadata only (with its classification label): nothing of a note is in the answer.
    expect(Object.keys(orphan ?? {}).sort()).toEqual(
      ['createdAt', 'deletedAt', 'id', 'label', 'members', 'name', 'owners'].sort(),
    );
    expect(orphan?.label).toBe('internal');
    // An admin relabels it; the list shows the label the relay stored.
    const relabelled = await r.api(await admin(r), 'PUT', `/api/spaces/${space}/classification`, {
      label: 'confidential',
    });
    expect(relabelled.status).toBe(200);
    const again = AdminSpacesResponseSchema.parse(
      (await r.api(await admin(r), 'GET', '/api/admin/spaces')).body,
    ).spaces.find((s) => s.id === space);
    expect(again?.label).toBe('confidential');

    const unknown = await r.api(await admin(r), 'POST', `/api/admin/spaces/${space}/recover`, {
      userId: 'nobody-known',
    });
    expect(unknown.status).toBe(404);
    const recovered = await r.api(await admin(r), 'POST', `/api/admin/spaces/${space}/recover`, {
      userId: GRACE,
    });
    expect(recovered.status).toBe(200);
    expect(recovered.body).toMatchObject({ id: space, owners: [GRACE] });
    // Grace now acts as the owner.
    const promoted = await r.api(GRACE, 'PUT', `/api/spaces/${space}/members/${KATHERINE}`, {
      role: 'editor',
    });
    expect(promoted.status).toBe(200);

    const actions = await audit(r, `person=${HEDY}`);
    expect(actions.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['admin.space.recovered', 'admin.spaces.listed', 'sign-in']),
    );
    expect(actions.find((e) => e.kind === 'admin.space.recovered')).toMatchObject({
      space,
      target: GRACE,
    });
  });

  it('filters, pages, exports as JSON Lines and CSV, and verifies the chain', async () => {
    const r = await rigs.start();
    for (const name of ['One', 'Two', 'Three']) await r.space(ADA, {}, name);
    const created = await audit(r, `kind=space.created&person=${ADA}`);
    expect(created).toHaveLength(3);
    const page = await r.api(await admin(r), 'GET', '/api/admin/audit?kind=space.created&limit=2');
    const first = AuditPageSchema.parse(page.body);
    expect(first.entries).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const rest = await audit(r, `kind=space.created&limit=2&before=${String(first.next)}`);
    expect(rest.map((e) => e.seq)).toEqual([created[2]?.seq]);
    expect((await r.api(await admin(r), 'GET', '/api/admin/audit?kind=nonsense')).status).toBe(400);

    const jsonl = await fetch(
      `${r.relay.httpUrl}/api/admin/audit/export?format=jsonl&kind=space.created`,
      { headers: { authorization: `Bearer ${(await admin(r)).token}` } },
    );
    expect(jsonl.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await jsonl.text()).trimEnd().split('\n');
    expect(lines.map((l) => AuditEntrySchema.parse(JSON.parse(l)).seq)).toEqual(
      created.map((e) => e.seq),
    );
    const csv = await fetch(`${r.relay.httpUrl}/api/admin/audit/export?format=csv&person=${ADA}`, {
      headers: { authorization: `Bearer ${(await admin(r)).token}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-.*\.csv"/);
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^seq,at,time,kind,actor/);
    expect(rows.length).toBeGreaterThan(3);
    const exported = await audit(r, 'kind=admin.audit.exported');
    expect(exported.map((e) => e.detail['query'])).toEqual([
      `format=csv&person=${ADA}`,
      'format=jsonl&kind=space.created',
    ]);

    const verified = await r.api(await admin(r), 'GET', '/api/admin/audit/verify');
    expect(verified.body).toMatchObject({ ok: true });
  });
});
