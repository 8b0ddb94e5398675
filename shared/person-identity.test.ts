import { describe, expect, it } from 'vitest';
import { identifyPerson, identityClaimOrder, principalFromClaims } from './person-identity.ts';

describe('identifyPerson', () => {
  it('takes email, else preferred_username, else upn', () => {
    const all = {
      email: 'a@example.com',
      preferred_username: 'b@example.com',
      upn: 'c@example.com',
    };
    expect(identifyPerson(all)).toMatchObject({ ok: true, person: { claim: 'email' } });
    expect(
      identifyPerson({ preferred_username: 'b@example.com', upn: 'c@example.com' }),
    ).toMatchObject({
      ok: true,
      person: { claim: 'preferred_username', identifier: 'b@example.com' },
    });
    expect(identifyPerson({ upn: 'c@example.com' })).toMatchObject({
      ok: true,
      person: { claim: 'upn', email: 'c@example.com', name: 'c@example.com' },
    });
  });

  it('puts a configured claim first and keeps the others as fallbacks', () => {
    expect(identityClaimOrder('upn')).toEqual(['upn', 'email', 'preferred_username']);
    const claims = { email: 'a@example.com', upn: 'c@example.org' };
    expect(identifyPerson(claims, { claim: 'upn' })).toMatchObject({
      ok: true,
      person: { identifier: 'c@example.org' },
    });
  });

  it('skips an email the IdP marks unverified', () => {
    expect(
      identifyPerson({ email: 'a@example.com', email_verified: false, upn: 'u@example.org' }),
    ).toMatchObject({ ok: true, person: { claim: 'upn' } });
  });

  it('applies the allowed domains to whichever claim identified the person', () => {
    const rule = { allowedDomains: ['Example.com'] };
    expect(identifyPerson({ upn: 'x@example.com' }, rule)).toMatchObject({ ok: true });
    expect(identifyPerson({ upn: 'x@partner.example.org' }, rule)).toEqual({
      ok: false,
      reason: 'upn domain partner.example.org is not allowed; only example.com may sign in',
      // The same refusal as data, for a client to say in the person's language.
      problem: {
        code: 'domainNotAllowed',
        claim: 'upn',
        domain: 'partner.example.org',
        allowed: ['example.com'],
      },
    });
    expect(identifyPerson({ preferred_username: 'ada' }, rule)).toMatchObject({
      ok: false,
      problem: { code: 'domainNotAllowed', domain: null },
    });
  });

  it('names the person by name, else given and family name, else the identifier', () => {
    const base = { email: 'a@example.com' };
    expect(identifyPerson({ ...base, name: 'Ada' })).toMatchObject({ person: { name: 'Ada' } });
    expect(identifyPerson({ ...base, given_name: 'Ada', family_name: 'L' })).toMatchObject({
      person: { name: 'Ada L' },
    });
  });
});

describe('principalFromClaims', () => {
  it('keeps a user name that is not an address out of email', () => {
    expect(principalFromClaims({ sub: 's', preferred_username: 'ada' })).toEqual({
      ok: true,
      principal: { sub: 's', name: 'ada' },
    });
  });

  it('refuses claims that identify nobody when domains are restricted, and a missing sub', () => {
    expect(principalFromClaims({ sub: 's' }, { allowedDomains: ['example.com'] })).toMatchObject({
      ok: false,
      kind: 'refused',
    });
    expect(principalFromClaims({ email: 'a@example.com' })).toMatchObject({
      ok: false,
      kind: 'malformed',
    });
  });
});
