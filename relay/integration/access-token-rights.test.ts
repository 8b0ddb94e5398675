// An access token's power is its scopes intersected with what its person may
// do now, on a real relay on port 0 with a real dev IdP: an admin's
// admin-scoped token stops reaching admin routes once a sign-in shows them
// out of the admin group (and again once they are back), and once no
// sign-in has confirmed their groups for too long; a person removed from a
// space reaches it no more through their token; a service account keeps the
// admin scope an admin gave it.
import { describe, expect, it } from 'vitest';
import {
  CreatedAccessTokenSchema,
  CreatedServiceAccountSchema,
} from '../../shared/access-tokens-api.ts';
import { NoteSchema } from '../../shared/notes-api.ts';
import { OWNER_GROUPS_MAX_AGE_MS } from '../tokens/owner-rights.ts';
import { useApiRig, type ApiRig, type Caller } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';

const HEDY = 'emp-1005';
const ADMIN_GROUP = 'commonplace-admins';
let offset = 0;
const rigs = useApiRig({ adminGroup: ADMIN_GROUP, clock: () => Date.now() + offset });

async function mint(r: ApiRig, caller: Caller, scopes: string[]): Promise<{ token: string }> {
  const answer = await r.api(caller, 'POST', '/api/tokens', { name: 'script', scopes });
  expect(answer.status).toBe(201);
  return { token: CreatedAccessTokenSchema.parse(answer.body).secret };
}

/** Hedy signing in with the groups the IdP gives her now. */
async function hedyWith(groups: string[]): Promise<{ token: string }> {
  return {
    token: await rigs.idp.sign({
      sub: HEDY,
      name: 'Hedy Lamarr',
      email: 'hedy.lamarr@example.com',
      groups,
    }),
  };
}

describe('access token rights', () => {
  it('follow the owner out of (and back into) the admin group at their next sign-in', async () => {
    offset = 0;
    const r = await rigs.start();
    const admin = await hedyWith([ADMIN_GROUP]);
    const token = await mint(r, admin, ['read', 'admin']);
    expect((await r.api(token, 'GET', '/api/admin/audit')).status).toBe(200);

    // The IdP took her out of the admin group; any sign-in tells the relay.
    expect((await r.api(await hedyWith(['Design']), 'GET', '/api/spaces')).status).toBe(200);
    const refused = await r.api(token, 'GET', '/api/admin/audit');
    expect(refused.status).toBe(403);
    expect((await r.api(token, 'GET', '/api/admin/status')).body).toEqual({ admin: false });
    // Reading what she may read as a person still works.
    expect((await r.api(token, 'GET', '/api/spaces')).status).toBe(200);

    // Back in the group: the same token is an admin's again.
    expect((await r.api(admin, 'GET', '/api/spaces')).status).toBe(200);
    expect((await r.api(token, 'GET', '/api/admin/audit')).status).toBe(200);
  });

  it('lose group rights when no sign-in has confirmed them for too long', async () => {
    offset = 0;
    const r = await rigs.start();
    const admin = await hedyWith([ADMIN_GROUP]);
    const token = await mint(r, admin, ['read', 'admin']);
    expect((await r.api(token, 'GET', '/api/admin/audit')).status).toBe(200);
    offset = OWNER_GROUPS_MAX_AGE_MS + 60_000;
    expect((await r.api(token, 'GET', '/api/admin/audit')).status).toBe(403);
    expect((await r.api(token, 'GET', '/api/spaces')).status).toBe(200);
    // A sign-in confirms them again.
    expect((await r.api(admin, 'GET', '/api/spaces')).status).toBe(200);
    expect((await r.api(token, 'GET', '/api/admin/audit')).status).toBe(200);
    offset = 0;
  });

  it('reach a space no more once their person is removed from it', async () => {
    offset = 0;
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' });
    const created = await r.api(ADA, 'POST', `/api/spaces/${spaceId}/notes`, { title: 'Plan' });
    const { id } = NoteSchema.parse(created.body);
    const token = await mint(r, GRACE, ['read', 'write']);
    const note = `/api/spaces/${spaceId}/notes/${id}`;
    expect((await r.api(token, 'GET', note)).status).toBe(200);
    expect((await r.api(token, 'POST', `${note}/append`, { markdown: 'mine' })).status).toBe(200);
    expect((await r.api(ADA, 'DELETE', `/api/spaces/${spaceId}/members/${GRACE}`)).status).toBe(
      204,
    );
    expect((await r.api(token, 'GET', note)).status).toBe(403);
    expect((await r.api(token, 'POST', `${note}/append`, { markdown: 'no' })).status).toBe(403);
    expect(NoteSchema.parse((await r.api(ADA, 'GET', note)).body).markdown).toBe('mine\n');
  });

  it('leave a service account the admin scope an admin gave it', async () => {
    offset = 0;
    const r = await rigs.start();
    const admin = await hedyWith([ADMIN_GROUP]);
    const answer = await r.api(admin, 'POST', '/api/admin/service-accounts', {
      name: 'Audit export',
      scopes: ['admin'],
    });
    expect(answer.status).toBe(201);
    const bot = { token: CreatedServiceAccountSchema.parse(answer.body).secret };
    // Its creator leaving the admin group does not change what the company gave the account.
    expect((await r.api(await hedyWith([]), 'GET', '/api/spaces')).status).toBe(200);
    expect((await r.api(bot, 'GET', '/api/admin/audit')).status).toBe(200);
  });
});
