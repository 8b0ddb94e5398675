// Classification of spaces on a real relay: admins set the company's labels,
// owners (and admins) label their spaces, and the relay itself refuses what
// a label forbids: an export grant, and adding someone from outside the
// company's internal domains. Every change and refusal is in the audit log.
import { describe, expect, it } from 'vitest';
import { AuditPageSchema, type AuditEntry } from '../../shared/admin-api.ts';
import {
  ClassificationResponseSchema,
  DEFAULT_CLASSIFICATION_LABELS,
} from '../../shared/classification-api.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';

/** The dev IdP's demo admin, and its external contractor (partner.example.org). */
const HEDY = 'emp-1005';
const CHARLES = 'ext-2001';

const rigs = useApiRig({
  adminGroup: 'commonplace-admins',
  classification: { internalDomains: ['example.com'] },
});

const as = async (sub: string) => ({ token: await rigs.idp.token(sub) });

async function audit(r: ApiRig, query: string): Promise<AuditEntry[]> {
  await r.relay.audit.flush();
  const answer = await r.api(await as(HEDY), 'GET', `/api/admin/audit?${query}`);
  expect(answer.status).toBe(200);
  return AuditPageSchema.parse(answer.body).entries;
}

describe('classification', () => {
  it('labels new spaces with the default and lists the company labels to everyone', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'viewer' });
    const answer = await r.api(GRACE, 'GET', '/api/classification');
    expect(answer.status).toBe(200);
    const body = ClassificationResponseSchema.parse(answer.body);
    expect(body.labels).toEqual(DEFAULT_CLASSIFICATION_LABELS);
    expect(body.defaultLabel).toBe('internal');
    expect(body.spaces).toEqual({ [space]: 'internal' });
  });

  it('lets owners and admins, and nobody else, relabel a space, audited', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'editor' });
    const set = (who: Parameters<ApiRig['api']>[0], label: string) =>
      r.api(who, 'PUT', `/api/spaces/${space}/classification`, { label });
    expect((await set(GRACE, 'public')).status).toBe(403);
    expect((await set(KATHERINE, 'public')).status).toBe(403);
    expect((await set(ADA, 'top-secret')).status).toBe(409);
    expect((await set(ADA, 'confidential')).body).toEqual({
      spaceId: space,
      label: 'confidential',
    });
    expect((await set(await as(HEDY), 'restricted')).status).toBe(200);
    const body = ClassificationResponseSchema.parse(
      (await r.api(GRACE, 'GET', '/api/classification')).body,
    );
    expect(body.spaces[space]).toBe('restricted');
    const entries = await audit(r, `space=${space}&kind=space.classified`);
    expect(entries.map((e) => [e.actor, e.detail['label']])).toEqual([
      [HEDY, 'restricted'],
      [ADA, 'confidential'],
    ]);
    const refused = await audit(r, `space=${space}&kind=refused`);
    expect(refused.map((e) => e.actor).sort()).toEqual([GRACE, KATHERINE].sort());
  });

  it('grants an export only when the label allows it; the refusal says why and is audited', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'viewer' });
    const grant = await r.api(GRACE, 'POST', `/api/spaces/${space}/export-grant`);
    expect(grant).toMatchObject({ status: 200, body: { spaceId: space, label: 'internal' } });
    expect((await r.api(KATHERINE, 'POST', `/api/spaces/${space}/export-grant`)).status).toBe(403);
    await r.api(ADA, 'PUT', `/api/spaces/${space}/classification`, { label: 'restricted' });
    const refused = await r.api(GRACE, 'POST', `/api/spaces/${space}/export-grant`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'classification_forbids_export' } });
    const exported = await audit(r, `space=${space}&kind=space.exported`);
    expect(exported.map((e) => [e.actor, e.detail['label']])).toEqual([[GRACE, 'internal']]);
    const refusals = await audit(r, `space=${space}&person=${GRACE}&kind=refused`);
    expect(refusals[0]).toMatchObject({
      target: 'grantSpaceExport',
      detail: { status: 403, code: 'classification_forbids_export' },
    });
  });

  it('refuses to add an external person where the label forbids it, but not an internal one', async () => {
    const r = await rigs.start();
    await r.api(await as(CHARLES), 'GET', '/api/me');
    await r.signIn(GRACE);
    const open = await r.space(ADA);
    const add = (space: string, who: string) =>
      r.api(ADA, 'PUT', `/api/spaces/${space}/members/${who}`, { role: 'viewer' });
    // Internal allows sharing outside the company.
    expect((await add(open, CHARLES)).status).toBe(200);
    const closed = await r.space(ADA);
    await r.api(ADA, 'PUT', `/api/spaces/${closed}/classification`, { label: 'confidential' });
    const refused = await add(closed, CHARLES);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: { code: 'classification_forbids_external_sharing' },
    });
    expect((await add(closed, GRACE)).status).toBe(200);
    const members = await r.api(ADA, 'GET', `/api/spaces/${closed}/members`);
    expect(JSON.stringify(members.body)).not.toContain(CHARLES);
    const refusals = await audit(r, `space=${closed}&kind=refused`);
    expect(refusals[0]).toMatchObject({
      actor: ADA,
      target: 'setMember',
      detail: { code: 'classification_forbids_external_sharing' },
    });
  });

  it('lets only admins replace the label list, never dropping a label in use, audited', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA);
    const secret = { ...DEFAULT_CLASSIFICATION_LABELS[3], id: 'secret', name: 'Secret' };
    const labels = [...DEFAULT_CLASSIFICATION_LABELS, secret];
    expect((await r.api(ADA, 'PUT', '/api/admin/classification', { labels })).status).toBe(403);
    const admin = await as(HEDY);
    expect((await r.api(admin, 'PUT', '/api/admin/classification', { labels })).status).toBe(200);
    await r.api(ADA, 'PUT', `/api/spaces/${space}/classification`, { label: 'secret' });
    const drop = await r.api(admin, 'PUT', '/api/admin/classification', {
      labels: DEFAULT_CLASSIFICATION_LABELS,
    });
    expect(drop).toMatchObject({ status: 409, body: { error: { code: 'label_in_use' } } });
    const noDefault = await r.api(admin, 'PUT', '/api/admin/classification', {
      labels: labels.filter((l) => l.id !== 'internal'),
    });
    expect(noDefault).toMatchObject({
      status: 409,
      body: { error: { code: 'default_label_missing' } },
    });
    // The relay enforces the new label's policy: it forbids export.
    expect((await r.api(ADA, 'POST', `/api/spaces/${space}/export-grant`)).status).toBe(403);
    expect(await audit(r, `person=${HEDY}&kind=admin.classification.set`)).toHaveLength(1);
  });
});
