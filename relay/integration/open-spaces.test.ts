// Open spaces through the one authorizer: people of the company read an open
// space without joining (read-only: an honest second client never sees a
// refused write), join it with the role its owners chose, and leave it; a
// private space stays closed to them on the socket and over REST. Only
// owners change visibility, a Restricted label keeps a space private, and
// every change is in the audit log.
import { describe, expect, it } from 'vitest';
import { AuditPageSchema, type AuditEntry } from '../../shared/admin-api.ts';
import { MySpacesResponseSchema } from '../../shared/api.ts';
import { OpenSpacesResponseSchema, type OpenSpace } from '../../shared/open-spaces-api.ts';
import { CloseCode } from '../../shared/wire.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, ALAN, GRACE, KATHERINE } from './demo-people.ts';
import { synced } from './helpers.ts';

/** The dev IdP's demo admin (in the admin group), to read the audit log. */
const HEDY = 'emp-1005';
const rigs = useApiRig({ adminGroup: 'commonplace-admins' });

async function audit(r: ApiRig, query: string): Promise<AuditEntry[]> {
  await r.relay.audit.flush();
  const answer = await r.api(
    { token: await rigs.idp.token(HEDY) },
    'GET',
    `/api/admin/audit?${query}`,
  );
  expect(answer.status).toBe(200);
  return AuditPageSchema.parse(answer.body).entries;
}

async function directory(r: ApiRig, who: typeof ALAN, q = ''): Promise<OpenSpace[]> {
  const answer = await r.api(who, 'GET', `/api/open-spaces?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return OpenSpacesResponseSchema.parse(answer.body).spaces;
}

async function mySpaceIds(r: ApiRig, who: typeof ALAN): Promise<string[]> {
  const answer = await r.api(who, 'GET', '/api/spaces');
  return MySpacesResponseSchema.parse(answer.body).spaces.map((s) => s.id);
}

describe('open spaces', () => {
  it('a non-member reads an open space but cannot write; a private one refuses them', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' }, 'Handbook');
    const room = `${spaceId}/notes`;
    const grace = r.connect(room, GRACE);
    await synced(grace);
    grace.text.insert(0, 'hello');
    await expect.poll(() => r.relay.metrics.updatesPersisted).toBe(1);

    // Private (the default): socket 4403 before any data, REST 403, join 404.
    const refused = await r.openRaw(`/${room}?token=${r.tokens[ALAN]}`);
    expect((await refused.closed).code).toBe(CloseCode.Forbidden);
    expect(refused.frames).toHaveLength(0);
    expect((await r.api(ALAN, 'GET', `/api/spaces/${spaceId}/visibility`)).status).toBe(403);
    expect((await r.api(ALAN, 'POST', `/api/spaces/${spaceId}/join`)).status).toBe(404);
    expect(await directory(r, ALAN)).toEqual([]);

    const opened = await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/visibility`, {
      visibility: 'open',
    });
    expect(opened).toMatchObject({ status: 200, body: { visibility: 'open', joinRole: 'viewer' } });

    const alan = r.connect(room, ALAN);
    await synced(alan);
    expect(alan.text.toJSON()).toBe('hello');
    alan.text.insert(0, 'EVIL ');
    await expect.poll(() => r.relay.metrics.writesRefused).toBeGreaterThan(0);
    grace.text.insert(5, ' world');
    await expect.poll(() => r.relay.metrics.updatesPersisted).toBe(2);
    // An honest second client sees the member's edit and never the reader's.
    const witness = r.connect(room, GRACE);
    await synced(witness);
    await expect.poll(() => witness.text.toJSON()).toBe('hello world');
    expect(grace.text.toJSON()).toBe('hello world');
    // Still not a member: the directory says so, and member-only routes stay closed.
    expect(await directory(r, ALAN, 'hand')).toMatchObject([
      { id: spaceId, name: 'Handbook', members: 2, myRole: null, joinRole: 'viewer' },
    ]);
    // Its owners, whom to ask about it (members who are not owners are not listed).
    expect((await directory(r, ALAN))[0]?.owners.map((p) => p.id)).toEqual([ADA]);
    expect((await r.api(ALAN, 'GET', `/api/spaces/${spaceId}/members`)).status).toBe(403);
    expect(await mySpaceIds(r, ALAN)).toEqual([]);
  });

  it('joins with the configured role, leaves, and the last owner cannot leave', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, {}, 'Guild');
    const room = `${spaceId}/notes`;
    expect(
      (
        await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/visibility`, {
          visibility: 'open',
          joinRole: 'editor',
        })
      ).status,
    ).toBe(200);
    const joined = await r.api(ALAN, 'POST', `/api/spaces/${spaceId}/join`);
    expect(joined).toMatchObject({ status: 200, body: { id: spaceId, role: 'editor' } });
    expect(await mySpaceIds(r, ALAN)).toEqual([spaceId]);
    // Joining again keeps the role; an owner joining stays owner.
    expect((await r.api(ALAN, 'POST', `/api/spaces/${spaceId}/join`)).body).toMatchObject({
      role: 'editor',
    });
    expect((await r.api(ADA, 'POST', `/api/spaces/${spaceId}/join`)).body).toMatchObject({
      role: 'owner',
    });
    const alan = r.connect(room, ALAN);
    await synced(alan);
    alan.text.insert(0, 'joined and wrote');
    const ada = r.connect(room, ADA);
    await expect.poll(() => ada.text.toJSON()).toBe('joined and wrote');
    const [listed] = await directory(r, ALAN);
    expect(listed).toMatchObject({ members: 2, myRole: 'editor', notesChangedRecently: 1 });
    expect(listed?.lastEditedAt).toBeGreaterThan(0);

    expect((await r.api(ADA, 'POST', `/api/spaces/${spaceId}/leave`)).status).toBe(409);
    expect((await r.api(ALAN, 'POST', `/api/spaces/${spaceId}/leave`)).status).toBe(204);
    expect(await mySpaceIds(r, ALAN)).toEqual([]);
    expect((await r.api(ALAN, 'POST', `/api/spaces/${spaceId}/leave`)).status).toBe(404);
    expect((await directory(r, ALAN))[0]).toMatchObject({ members: 1, myRole: null });

    const kinds = (await audit(r, `space=${spaceId}`)).map((e) => [e.kind, e.actor]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['space.visibility.set', ADA],
        ['member.joined', ALAN],
        ['member.left', ALAN],
      ]),
    );
    const [setEntry] = await audit(r, `space=${spaceId}&kind=space.visibility.set`);
    expect(setEntry?.detail).toMatchObject({ visibility: 'open', joinRole: 'editor' });
  });

  it('only owners change visibility; making a space private cuts readers who never joined', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' }, 'Lab');
    const body = { visibility: 'open' };
    expect((await r.api(GRACE, 'PUT', `/api/spaces/${spaceId}/visibility`, body)).status).toBe(403);
    expect((await r.api(ALAN, 'PUT', `/api/spaces/${spaceId}/visibility`, body)).status).toBe(403);
    expect((await r.api(GRACE, 'GET', `/api/spaces/${spaceId}/visibility`)).body).toEqual({
      visibility: 'private',
      joinRole: 'viewer',
    });
    expect((await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/visibility`, body)).status).toBe(200);
    const reader = await r.openRaw(`/${spaceId}/notes?token=${r.tokens[KATHERINE]}`);
    await expect.poll(() => reader.frames.length).toBeGreaterThan(0);
    const member = r.connect(`${spaceId}/notes`, GRACE);
    await synced(member);
    const closing = await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/visibility`, {
      visibility: 'private',
    });
    expect(closing.status).toBe(200);
    expect((await reader.closed).code).toBe(CloseCode.Forbidden);
    expect(member.provider.wsconnected).toBe(true);
    expect(await directory(r, ALAN)).toEqual([]);
    const refused = await audit(r, `space=${spaceId}&kind=refused&person=${GRACE}`);
    expect(refused.some((e) => e.target === 'setSpaceVisibility')).toBe(true);
  });

  it('a label that forbids copying out keeps a space private', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, {}, 'Secrets');
    const label = await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/classification`, {
      label: 'restricted',
    });
    expect(label.status).toBe(200);
    const refused = await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/visibility`, {
      visibility: 'open',
    });
    expect(refused).toMatchObject({
      status: 403,
      body: { error: { code: 'classification_forbids_open' } },
    });
    // And an open space cannot take such a label until it is private again.
    await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/classification`, { label: 'internal' });
    await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/visibility`, { visibility: 'open' });
    const relabel = await r.api(ADA, 'PUT', `/api/spaces/${spaceId}/classification`, {
      label: 'restricted',
    });
    expect(relabel.status).toBe(409);
  });
});
