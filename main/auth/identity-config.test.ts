import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE as IDP_AUDIENCE, DESKTOP_CLIENT_ID } from '../../idp/dev-idp.ts';
import { DEFAULT_AUDIENCE, DEFAULT_CLIENT_ID } from '../config.ts';
import { resolveIdentityConfig } from './identity-config.ts';
import { createUnavailableSignInService } from './unavailable-service.ts';

describe('resolveIdentityConfig', () => {
  it('keeps its defaults in step with the development IdP it duplicates', () => {
    expect(DEFAULT_AUDIENCE).toBe(IDP_AUDIENCE);
    expect(DEFAULT_CLIENT_ID).toBe(DESKTOP_CLIENT_ID);
  });

  it('needs COMMONPLACE_ISSUER and says how to set it', () => {
    for (const env of [{}, { COMMONPLACE_ISSUER: '   ' }]) {
      const result = resolveIdentityConfig(env);
      expect(result).toMatchObject({ ok: false });
      expect(result.ok ? '' : result.reason).toContain('COMMONPLACE_ISSUER is not set');
    }
  });

  it('defaults client id and audience; keeps the issuer exactly as written', () => {
    expect(resolveIdentityConfig({ COMMONPLACE_ISSUER: ' http://127.0.0.1:4000 ' })).toEqual({
      ok: true,
      config: {
        issuer: 'http://127.0.0.1:4000',
        clientId: 'commonplace-desktop',
        audience: 'urn:commonplace:relay',
      },
    });
  });

  it('takes COMMONPLACE_CLIENT_ID and COMMONPLACE_AUDIENCE', () => {
    expect(
      resolveIdentityConfig({
        COMMONPLACE_ISSUER: 'https://login.example.com/tenant/v2.0',
        COMMONPLACE_CLIENT_ID: '0b7c-desktop',
        COMMONPLACE_AUDIENCE: 'api://commonplace-relay',
      }),
    ).toEqual({
      ok: true,
      config: {
        issuer: 'https://login.example.com/tenant/v2.0',
        clientId: '0b7c-desktop',
        audience: 'api://commonplace-relay',
      },
    });
  });

  it.each([
    ['login.example.com', 'is not a URL'],
    [
      'http://login.example.com',
      'must use https:// (plain http:// is allowed only on 127.0.0.1 or localhost)',
    ],
    ['ftp://login.example.com', 'must be an https:// URL'],
    ['https://user:pw@login.example.com', 'must not contain credentials'],
    ['https://login.example.com/?tenant=x', 'must not have a query or fragment'],
  ])('refuses issuer %s (%s)', (issuer, problem) => {
    const result = resolveIdentityConfig({ COMMONPLACE_ISSUER: issuer });
    expect(result.ok ? '' : result.reason).toBe(
      `Sign-in is misconfigured: COMMONPLACE_ISSUER ${problem}.`,
    );
  });

  it('takes COMMONPLACE_SCOPE and COMMONPLACE_RESOURCE_INDICATOR (Entra ID v2)', () => {
    expect(
      resolveIdentityConfig({
        COMMONPLACE_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
        COMMONPLACE_AUDIENCE: 'api://0b7c-relay',
        COMMONPLACE_SCOPE: 'api://0b7c-relay/Notes.ReadWrite',
        COMMONPLACE_RESOURCE_INDICATOR: 'FALSE',
      }),
    ).toEqual({
      ok: true,
      config: {
        issuer: 'https://login.microsoftonline.com/tenant/v2.0',
        clientId: 'commonplace-desktop',
        audience: 'api://0b7c-relay',
        scope: 'api://0b7c-relay/Notes.ReadWrite',
        resourceIndicator: false,
      },
    });
  });

  it.each([
    ['COMMONPLACE_SCOPE', 'api://x "quoted"'],
    ['COMMONPLACE_RESOURCE_INDICATOR', 'no'],
  ])('names %s when it is unusable', (name, value) => {
    const result = resolveIdentityConfig({
      COMMONPLACE_ISSUER: 'https://login.example.com',
      [name]: value,
    });
    expect(result.ok ? '' : result.reason).toBe(`Sign-in is misconfigured: ${name} is not valid.`);
  });

  it('names the variable when the client id is unusable', () => {
    const result = resolveIdentityConfig({
      COMMONPLACE_ISSUER: 'https://login.example.com',
      COMMONPLACE_CLIENT_ID: 'x'.repeat(201),
    });
    expect(result.ok ? '' : result.reason).toContain('COMMONPLACE_CLIENT_ID is not valid');
  });
});

describe('createUnavailableSignInService', () => {
  it('answers every call with the reason and never a token', async () => {
    const service = createUnavailableSignInService('Sign-in is not configured.');
    const expected = {
      status: 'error',
      reason: 'Sign-in is not configured.',
      persistence: { refreshTokenPersisted: false },
    };
    expect(service.getState()).toEqual(expected);
    await expect(service.signIn()).resolves.toEqual(expected);
    await expect(service.restore()).resolves.toEqual(expected);
    await expect(service.signOut()).resolves.toEqual(expected);
    await expect(service.getAccessToken({ forceRefresh: true })).resolves.toBeNull();
  });
});
