// Personal access tokens and service accounts against a real relay on port
// 0: a token is created, used and refused once revoked; its secret is
// answered once and never again; scopes limit what it reaches (a read token
// cannot write, only an admin-scoped token of an admin reaches admin
// routes); a deactivated person's token stops at once; tokens never open a
// document socket; creation and revocation are audited.
import { describe, expect, it } from 'vitest';
import {
  AccessTokensResponseSchema,
  CreatedAccessTokenSchema,
  CreatedServiceAccountSchema,
  ServiceAccountsResponseSchema,
} from '../../shared/access-tokens-api.ts';
import { AuditPageSchema } from '../../shared/admin-api.ts';
import { CloseCode } from '../../shared/wire.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';

const HEDY = 'emp-1005';
const ADMIN_GROUP = 'commonplace-admins';
const SCIM_TOKEN = 'scim-secret-for-the-token-tests';

const rigs = useApiRig({ adminGroup: ADMIN_GROUP, directory: { scimToken: SCIM_TOKEN } });

async function hedy(): Promise<{ token: string }> {
  return { token: await rigs.idp.token(HEDY) };
}

async function mint(
  r: ApiRig,
  caller: Parameters<ApiRig['api']>[0],
  scopes: string[],
  name = 'script',
): Promise<{ id: string; token: { token: string } }> {
  const answer = await r.api(caller, 'POST', '/api/tokens', { name, scopes });
  expect(answer.status).toBe(201);
  const created = CreatedAccessTokenSchema.parse(answer.body);
  return { id: created.id, token: { token: created.secret } };
}

describe('personal access tokens', () => {
  it('are created, used, and refused once revoked; the secret is shown only once', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA);
    const answer = await r.api(ADA, 'POST', '/api/tokens', { name: 'CI', scopes: ['read'] });
    expect(answer.status).toBe(201);
    const created = CreatedAccessTokenSchema.parse(answer.body);
    expect(created.secret).toMatch(/^cpat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const token = { token: created.secret };

    const spaces = await r.api(token, 'GET', '/api/spaces');
    expect(spaces.status).toBe(200);
    expect(JSON.stringify(spaces.body)).toContain(spaceId);

    const list = await r.api(ADA, 'GET', '/api/tokens');
    expect(list.status).toBe(200);
    const tokens = AccessTokensResponseSchema.parse(list.body).tokens;
    expect(tokens.map((t) => t.id)).toEqual([created.id]);
    expect(tokens[0]?.lastUsedAt).not.toBeNull();
    // Neither the secret nor its hash is ever answered again.
    expect(JSON.stringify(list.body)).not.toContain(created.secret.slice(22));
    expect(JSON.stringify(list.body)).not.toContain('hash');
    // Others do not see it and cannot revoke it.
    expect(
      AccessTokensResponseSchema.parse((await r.api(GRACE, 'GET', '/api/tokens')).body).tokens,
    ).toEqual([]);
    expect((await r.api(GRACE, 'DELETE', `/api/tokens/${created.id}`)).status).toBe(404);

    expect((await r.api(ADA, 'DELETE', `/api/tokens/${created.id}`)).status).toBe(204);
    const refused = await r.api(token, 'GET', '/api/spaces');
    expect(refused.status).toBe(401);
    expect(
      AccessTokensResponseSchema.parse((await r.api(ADA, 'GET', '/api/tokens')).body).tokens,
    ).toEqual([]);
  });

  it('refuses tampered, unknown and expired-format tokens with 401', async () => {
    const r = await rigs.start();
    const { token } = await mint(r, ADA, ['read']);
    const tampered = `${token.token.slice(0, -1)}${token.token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [tampered, 'cpat_0000000000000000_' + 'x'.repeat(43), 'cpat_short']) {
      expect((await r.api({ token: bad }, 'GET', '/api/spaces')).status).toBe(401);
    }
  });

  it('enforce scopes: a read token cannot write; token management needs a sign-in', async () => {
    const r = await rigs.start();
    const { token: read } = await mint(r, ADA, ['read']);
    const { token: write } = await mint(r, ADA, ['write']);
    const denied = await r.api(read, 'POST', '/api/spaces', { name: 'From a script' });
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.body)).toContain('insufficient_scope');
    expect((await r.api(write, 'POST', '/api/spaces', { name: 'From a script' })).status).toBe(201);
    // A token can neither mint nor list tokens, whatever its scopes.
    expect(
      (await r.api(write, 'POST', '/api/tokens', { name: 'x', scopes: ['write'] })).status,
    ).toBe(403);
    expect((await r.api(write, 'GET', '/api/tokens')).status).toBe(403);
  });

  it('reach admin routes only with the admin scope, and only for admins', async () => {
    const r = await rigs.start();
    // Only an admin may ask for the admin scope.
    expect((await r.api(ADA, 'POST', '/api/tokens', { name: 'x', scopes: ['admin'] })).status).toBe(
      403,
    );
    const { token: adaWrite } = await mint(r, ADA, ['read', 'write']);
    expect((await r.api(adaWrite, 'GET', '/api/admin/audit')).status).toBe(403);
    const { token: hedyRead } = await mint(r, await hedy(), ['read', 'write']);
    // An admin's token without the admin scope is not an admin.
    expect((await r.api(hedyRead, 'GET', '/api/admin/audit')).status).toBe(403);
    expect((await r.api(hedyRead, 'GET', '/api/admin/status')).status).toBe(403);
    const { token: hedyAdmin } = await mint(r, await hedy(), ['admin']);
    expect((await r.api(hedyAdmin, 'GET', '/api/admin/audit')).status).toBe(200);
  });

  it('stop working at once when their person is deactivated', async () => {
    const r = await rigs.start();
    const { token } = await mint(r, GRACE, ['read']);
    expect((await r.api(token, 'GET', '/api/spaces')).status).toBe(200);
    const created = await fetch(`${r.relay.httpUrl}/scim/v2/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'grace.hopper@example.com',
        active: false,
      }),
    });
    expect(created.status).toBe(201);
    const refused = await r.api(token, 'GET', '/api/spaces');
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).toContain('deactivated');
  });

  it('never open a document socket', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA);
    const { token } = await mint(r, ADA, ['read', 'write']);
    const socket = await r.openRaw(`/${spaceId}/notes?token=${token.token}`);
    expect((await socket.closed).code).toBe(CloseCode.Unauthorized);
  });
});

describe('service accounts', () => {
  it('are created and revoked by admins only, act as their own identity, and are audited', async () => {
    const r = await rigs.start();
    const body = { name: 'Reporting bot', scopes: ['read', 'write'] };
    expect((await r.api(ADA, 'POST', '/api/admin/service-accounts', body)).status).toBe(403);
    const answer = await r.api(await hedy(), 'POST', '/api/admin/service-accounts', body);
    expect(answer.status).toBe(201);
    const account = CreatedServiceAccountSchema.parse(answer.body);
    expect(account.principalId).toBe(`service:${account.id}`);
    const bot = { token: account.secret };
    const me = await r.api(bot, 'GET', '/api/admin/status');
    expect(me.status).toBe(403); // no admin scope
    const spaces = await r.api(bot, 'GET', '/api/spaces');
    expect(spaces.status).toBe(200);

    const list = await r.api(await hedy(), 'GET', '/api/admin/service-accounts');
    expect(ServiceAccountsResponseSchema.parse(list.body).accounts.map((a) => a.id)).toEqual([
      account.id,
    ]);
    expect(JSON.stringify(list.body)).not.toContain(account.secret.slice(22));
    expect((await r.api(ADA, 'DELETE', `/api/admin/service-accounts/${account.id}`)).status).toBe(
      403,
    );
    expect(
      (await r.api(await hedy(), 'DELETE', `/api/admin/service-accounts/${account.id}`)).status,
    ).toBe(204);
    expect((await r.api(bot, 'GET', '/api/spaces')).status).toBe(401);

    await r.relay.audit.flush();
    const audit = await r.api(await hedy(), 'GET', '/api/admin/audit?limit=200');
    const entries = AuditPageSchema.parse(audit.body).entries;
    const kinds = entries.map((e) => `${e.kind}:${e.target ?? ''}`);
    expect(kinds).toContain(`admin.service-account.created:${account.id}`);
    expect(kinds).toContain(`admin.service-account.revoked:${account.id}`);
    expect(JSON.stringify(audit.body)).not.toContain(account.secret.slice(22));
  });

  it('are made editors or viewers of spaces and rotated by admins', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA);
    const admin = await hedy();
    const created = await r.api(admin, 'POST', '/api/admin/service-accounts', {
      name: 'Importer',
      scopes: ['read', 'write'],
    });
    const account = CreatedServiceAccountSchema.parse(created.body);
    const bot = { token: account.secret };
    const notes = `/api/spaces/${spaceId}/notes`;
    expect((await r.api(bot, 'POST', notes, { title: 'From the bot' })).status).toBe(403);
    const assign = `/api/admin/service-accounts/${account.id}/spaces/${spaceId}`;
    expect((await r.api(ADA, 'PUT', assign, { role: 'editor' })).status).toBe(403);
    expect((await r.api(admin, 'PUT', assign, { role: 'editor' })).status).toBe(200);
    expect((await r.api(bot, 'POST', notes, { title: 'From the bot' })).status).toBe(201);
    // Members see it under its name.
    const members = await r.api(ADA, 'GET', `/api/spaces/${spaceId}/members`);
    expect(JSON.stringify(members.body)).toContain('Importer');
    expect((await r.api(admin, 'PUT', assign, { role: 'viewer' })).status).toBe(200);
    expect((await r.api(bot, 'POST', notes, { title: 'Again' })).status).toBe(403);

    const rotated = await r.api(admin, 'POST', `/api/admin/service-accounts/${account.id}/rotate`);
    expect(rotated.status).toBe(201);
    const next = CreatedServiceAccountSchema.parse(rotated.body);
    expect(next.principalId).toBe(account.principalId);
    expect(next.secret).not.toBe(account.secret);
    expect((await r.api(bot, 'GET', '/api/spaces')).status).toBe(401);
    // Same identity: still a viewer of the space.
    const spaces = await r.api({ token: next.secret }, 'GET', '/api/spaces');
    expect(JSON.stringify(spaces.body)).toContain(spaceId);
    expect(
      (
        await r.api(admin, 'PUT', `/api/admin/service-accounts/${next.id}/spaces/${spaceId}`, {
          role: null,
        })
      ).status,
    ).toBe(200);
    expect(
      JSON.stringify((await r.api({ token: next.secret }, 'GET', '/api/spaces')).body),
    ).not.toContain(spaceId);
  });

  it('audits personal token creation and revocation', async () => {
    const r = await rigs.start();
    const { id } = await mint(r, ADA, ['read']);
    await r.api(ADA, 'DELETE', `/api/tokens/${id}`);
    await r.relay.audit.flush();
    const audit = await r.api(await hedy(), 'GET', '/api/admin/audit?limit=200');
    const entries = AuditPageSchema.parse(audit.body).entries;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'token.created', actor: ADA, target: id }),
        expect.objectContaining({ kind: 'token.revoked', actor: ADA, target: id }),
      ]),
    );
  });
});
