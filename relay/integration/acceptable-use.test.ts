// The acceptable-use policy, end to end with a real dev IdP, a real relay
// and stock y-websocket clients: with nothing published nothing changes;
// once an admin publishes, a person who has not accepted reads but cannot
// write (an honest second client never sees the refused edit) and their REST
// writes get 403 policy_not_accepted; accepting makes the open connection
// writable without reconnecting; a new version makes it read-only again,
// live. Publishing and accepting are in the audit log.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  POLICY_NOT_ACCEPTED_CODE,
  POLICY_NOT_ACCEPTED_REASON,
  AdminPolicySchema,
  PolicyStatusSchema,
} from '../../shared/acceptable-use.ts';
import { AuditPageSchema, type AuditEntry } from '../../shared/admin-api.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';
import { synced } from './helpers.ts';

/** The dev IdP's demo admin (employees.ts puts her in the admin group). */
const HEDY = 'emp-1005';
const ADMIN_GROUP = 'commonplace-admins';

const rigs = useApiRig({ adminGroup: ADMIN_GROUP });

afterEach(() => {
  vi.restoreAllMocks();
});

async function hedy(): Promise<{ token: string }> {
  return { token: await rigs.idp.token(HEDY) };
}

async function publish(r: ApiRig, text: string): Promise<number> {
  const answer = await r.api(await hedy(), 'POST', '/api/admin/policy', { text });
  expect(answer.status).toBe(201);
  return (answer.body as { version: number }).version;
}

async function audit(r: ApiRig, kind: string): Promise<AuditEntry[]> {
  await r.relay.audit.flush();
  const answer = await r.api(await hedy(), 'GET', `/api/admin/audit?kind=${kind}`);
  expect(answer.status).toBe(200);
  return AuditPageSchema.parse(answer.body).entries;
}

describe('the acceptable-use policy', () => {
  it('asks nothing of anyone while no version is published', async () => {
    const r = await rigs.start();
    const status = await r.api(GRACE, 'GET', '/api/policy');
    expect(PolicyStatusSchema.parse(status.body)).toEqual({
      current: null,
      acceptedVersion: null,
      mustAccept: false,
    });
    const space = await r.space(ADA, { [GRACE]: 'editor' });
    const grace = r.connect(`${space}/notes`, GRACE);
    const ada = r.connect(`${space}/notes`, ADA);
    await Promise.all([synced(grace), synced(ada)]);
    grace.text.insert(0, 'free');
    await expect.poll(() => ada.text.toJSON()).toBe('free');
    expect((await r.api(GRACE, 'POST', '/api/policy/accept', { version: 1 })).status).toBe(404);
  });

  it('only admins publish and see acceptances', async () => {
    const r = await rigs.start();
    expect((await r.api(ADA, 'POST', '/api/admin/policy', { text: 'mine' })).status).toBe(403);
    expect((await r.api(ADA, 'GET', '/api/admin/policy')).status).toBe(403);
    expect((await r.api(await hedy(), 'POST', '/api/admin/policy', { text: '  ' })).status).toBe(
      400,
    );
  });

  it('read-only until accepted, writable at once after, read-only again on a new version; audited', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'editor' });
    const room = `${space}/notes`;
    const v1 = await publish(r, '# Rules\n\nBe kind.');
    expect(v1).toBe(1);
    // Ada (the honest second client) accepts; Grace does not yet.
    expect((await r.api(ADA, 'POST', '/api/policy/accept', { version: 1 })).status).toBe(200);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const grace = r.connect(room, GRACE);
    const ada = r.connect(room, ADA);
    await Promise.all([synced(grace), synced(ada)]);
    ada.text.insert(0, 'ada ');
    // Grace reads…
    await expect.poll(() => grace.text.toJSON()).toBe('ada ');
    // …but her edit is refused, with the reason, and Ada never sees it.
    grace.text.insert(grace.text.length, 'refused ');
    await expect.poll(() => warn.mock.calls.flat().join(' ')).toContain(POLICY_NOT_ACCEPTED_REASON);
    await expect.poll(() => r.relay.metrics.writesRefused).toBe(1);
    ada.text.insert(ada.text.length, 'marker');
    await expect.poll(() => grace.text.toJSON()).toContain('marker');
    expect(ada.text.toJSON()).toBe('ada marker');
    // REST writes too, with a clear code; reads still work.
    const rename = await r.api(GRACE, 'POST', '/api/spaces', { name: 'Grace’s' });
    expect(rename.status).toBe(403);
    expect(rename.body).toMatchObject({ error: { code: POLICY_NOT_ACCEPTED_CODE } });
    expect((await r.api(GRACE, 'GET', '/api/spaces')).status).toBe(200);
    const before = PolicyStatusSchema.parse((await r.api(GRACE, 'GET', '/api/policy')).body);
    expect(before).toMatchObject({ mustAccept: true, acceptedVersion: null });
    expect(before.current).toMatchObject({
      version: 1,
      text: '# Rules\n\nBe kind.',
      publishedBy: HEDY,
    });

    // A stale version is refused: she must accept what is current.
    expect((await r.api(GRACE, 'POST', '/api/policy/accept', { version: 2 })).status).toBe(409);
    const accepted = await r.api(
      GRACE,
      'POST',
      '/api/policy/accept',
      { version: 1 },
      {
        'user-agent': 'policy-test-client',
      },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ mustAccept: false, acceptedVersion: 1 });
    // The same socket writes now; the edit dropped earlier is asked for again and integrates.
    grace.text.insert(grace.text.length, ' after');
    await expect.poll(() => ada.text.toJSON()).toContain('after');
    expect(ada.text.toJSON()).toContain('refused');
    expect((await r.api(GRACE, 'POST', '/api/spaces', { name: 'Grace’s' })).status).toBe(201);

    const adminView = AdminPolicySchema.parse(
      (await r.api(await hedy(), 'GET', '/api/admin/policy')).body,
    );
    expect(adminView.acceptedCount).toBe(2);
    expect(adminView.acceptances.map((a) => a.userId).sort()).toEqual([ADA, GRACE].sort());

    // A new version: everyone is read-only again, live, until they accept it.
    warn.mockClear();
    expect(await publish(r, 'Be kinder.')).toBe(2);
    await expect.poll(() => warn.mock.calls.length).toBeGreaterThanOrEqual(2);
    const refusedBefore = r.relay.metrics.writesRefused;
    grace.text.insert(0, 'blocked ');
    await expect.poll(() => r.relay.metrics.writesRefused).toBe(refusedBefore + 1);
    expect(ada.text.toJSON()).not.toContain('blocked');
    expect(
      AdminPolicySchema.parse((await r.api(await hedy(), 'GET', '/api/admin/policy')).body),
    ).toMatchObject({ acceptedCount: 0, versions: [{ version: 2 }, { version: 1 }] });

    const published = await audit(r, 'policy.published');
    expect(published.map((e) => e.detail['version'])).toEqual([2, 1]);
    expect(published[0]).toMatchObject({ actor: HEDY, detail: { operation: 'publishPolicy' } });
    const acceptances = await audit(r, 'policy.accepted');
    expect(acceptances.map((e) => e.actor).sort()).toEqual([ADA, GRACE].sort());
    expect(acceptances.find((e) => e.actor === GRACE)).toMatchObject({
      ip: '127.0.0.1',
      userAgent: 'policy-test-client',
      detail: { version: 1 },
    });
    const refused = await audit(r, 'refused');
    expect(
      refused.some((e) => e.actor === GRACE && e.detail['code'] === POLICY_NOT_ACCEPTED_CODE),
    ).toBe(true);
  });
});
