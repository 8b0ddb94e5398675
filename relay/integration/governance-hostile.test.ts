// Every refusal of a hostile member leaves an audit entry: a forged comment
// refused by the update rules, a viewer's write, a socket closed with 4403
// or 4429, and REST calls answered 403 or 429. The refusals are recorded at
// the relay's choke points (the socket's close and refusal, the REST
// dispatcher's error answer), so the entries name the person, the space and
// the reason whichever rule refused.
import { describe, expect, it } from 'vitest';
import { AuditPageSchema, type AuditEntry } from '../../shared/admin-api.ts';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { createThread } from '../../shared/comments/index.ts';
import { CloseCode } from '../../shared/wire.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, ALAN, GRACE, KATHERINE } from './demo-people.ts';
import { memberClient, whenSynced } from './hostile-member-helpers.ts';

const HEDY = 'emp-1005';
const rigs = useApiRig({ adminGroup: 'commonplace-admins' });

/** The refusals of `person`, newest first, read over REST as the admin. */
async function refusalsOf(r: ApiRig, person: string): Promise<AuditEntry[]> {
  await r.relay.audit.flush();
  const token = await rigs.idp.token(HEDY);
  const answer = await r.api({ token }, 'GET', `/api/admin/audit?kind=refused&person=${person}`);
  expect(answer.status).toBe(200);
  return AuditPageSchema.parse(answer.body).entries;
}

const ANCHOR = {
  start: { tname: 'prosemirror', assoc: 0 },
  end: { tname: 'prosemirror', assoc: 0 },
};

describe('refusals of hostile members are audited', () => {
  it('a comment forged in another person’s name', async () => {
    const r = await rigs.start();
    const space = await r.space(ADA, { [GRACE]: 'editor' });
    const grace = memberClient(r, `${space}/plan`, GRACE);
    await whenSynced(grace);
    createThread(
      grace.doc,
      {
        author: { sub: ADA, name: 'Ada Lovelace' },
        text: 'I resign',
        now: 2_000,
        anchor: ANCHOR,
        quote: 'x',
      },
      'forger',
    );
    await expect
      .poll(async () => (await refusalsOf(r, GRACE)).map((e) => e.detail['reason']), {
        timeout: 20_000,
      })
      .toContain('a comment thread can only be started as yourself');
    const [entry] = await refusalsOf(r, GRACE);
    expect(entry).toMatchObject({
      space,
      target: 'plan',
      ip: '127.0.0.1',
      detail: { channel: 'websocket', code: null },
    });
    // The socket stays open; Ada was never refused.
    expect(grace.closes).toEqual([]);
    expect(await refusalsOf(r, ADA)).toEqual([]);
    grace.destroy();
  });

  it('a viewer’s write, a non-member’s 4403 and a connection past the share’s 4429', async () => {
    const r = await rigs.start({ limits: { maxConnectionsPerPerson: 1 } });
    const space = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const room = `${space}/notes`;
    const viewer = memberClient(r, room, KATHERINE);
    await whenSynced(viewer);
    viewer.doc.getText('t').insert(0, 'sneaky');
    await expect
      .poll(async () => (await refusalsOf(r, KATHERINE)).map((e) => e.detail['reason']))
      .toContain(READ_ONLY_REASON);

    const stranger = memberClient(r, room, ALAN);
    await expect.poll(() => stranger.closes).toContain(CloseCode.Forbidden);
    stranger.destroy();
    const alan = await refusalsOf(r, ALAN);
    expect(alan[0]).toMatchObject({ space, detail: { code: CloseCode.Forbidden } });

    const first = memberClient(r, room, GRACE);
    await whenSynced(first);
    const second = memberClient(r, room, GRACE);
    await expect.poll(() => second.closes).toContain(CloseCode.Overloaded);
    second.destroy();
    const grace = await refusalsOf(r, GRACE);
    expect(grace.map((e) => e.detail['code'])).toContain(CloseCode.Overloaded);
    expect(String(grace[0]?.detail['reason'])).toContain('maxConnectionsPerPerson');
    first.destroy();
    viewer.destroy();
  });

  it('REST answers 403 and 429', async () => {
    const r = await rigs.start({ limits: { restRequestsPerMinute: 12 } });
    const space = await r.space(ADA, { [GRACE]: 'viewer' });
    const forbidden = await r.api(GRACE, 'PUT', `/api/spaces/${space}/members/${GRACE}`, {
      role: 'owner',
    });
    expect(forbidden.status).toBe(403);
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) {
      status = (await r.api(GRACE, 'GET', '/api/spaces')).status;
    }
    expect(status).toBe(429);
    const entries = await refusalsOf(r, GRACE);
    expect(entries.map((e) => [e.detail['status'], e.target])).toEqual(
      expect.arrayContaining([
        [403, 'setMember'],
        [429, 'listSpaces'],
      ]),
    );
    expect(entries.find((e) => e.detail['status'] === 403)).toMatchObject({ space });
    expect(String(entries.find((e) => e.detail['status'] === 429)?.detail['reason'])).toContain(
      'restRequestsPerMinute',
    );
  });
});
