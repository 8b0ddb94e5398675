import { describe, expect, it } from 'vitest';
import { emailDomain, SessionStateSchema } from './auth.ts';

describe('emailDomain', () => {
  it('lower-cases the domain of a plausible address', () => {
    expect(emailDomain('Ada.Lovelace@Example.COM')).toBe('example.com');
  });
  it('rejects values that are not local@domain', () => {
    for (const bad of ['', 'ada', '@example.com', 'ada@', 'ada@exa mple.com', 'ada@.example.com']) {
      expect(emailDomain(bad)).toBeNull();
    }
  });
});

describe('SessionStateSchema', () => {
  it('accepts a signed-in state and strips anything token-like the schema does not know', () => {
    const parsed = SessionStateSchema.parse({
      status: 'signed-in',
      profile: { sub: 'emp-1001', name: 'Ada' },
      accessTokenExpiresAt: 1_900_000_000_000,
      persistence: { refreshTokenPersisted: false, reason: 'no keyring' },
      refreshToken: 'must-not-pass',
    });
    expect(JSON.stringify(parsed)).not.toContain('must-not-pass');
  });
  it('rejects an error state without a reason', () => {
    expect(
      SessionStateSchema.safeParse({
        status: 'error',
        persistence: { refreshTokenPersisted: true },
      }).success,
    ).toBe(false);
  });
});
