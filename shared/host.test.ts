import { describe, expect, it } from 'vitest';
import { IdentityConfigSchema, requestedScope, resourceIndicator } from './host.ts';

const base = { issuer: 'https://login.example.com', clientId: 'c', audience: 'urn:relay' };

describe('identity settings for IdPs that pick the audience by scope (Entra ID v2)', () => {
  it('asks for the base scopes, plus configured ones once each', () => {
    expect(requestedScope({})).toBe('openid profile email offline_access');
    expect(requestedScope({ scope: 'api://relay/Notes.ReadWrite openid' })).toBe(
      'openid profile email offline_access api://relay/Notes.ReadWrite',
    );
  });

  it('sends the audience as RFC 8707 resource unless turned off', () => {
    expect(resourceIndicator(base)).toBe('urn:relay');
    expect(resourceIndicator({ ...base, resourceIndicator: true })).toBe('urn:relay');
    expect(resourceIndicator({ ...base, resourceIndicator: false })).toBeUndefined();
  });

  it.each(['', ' api://x', 'a  b', 'a "b"', 'a\\b', 'a\nb'])(
    'refuses the scope list %j (RFC 6749 §3.3)',
    (scope) => {
      expect(IdentityConfigSchema.safeParse({ ...base, scope }).success).toBe(false);
    },
  );

  it('accepts Entra-style scopes', () => {
    const scope = 'api://0b7c-relay/Notes.ReadWrite User.Read';
    expect(IdentityConfigSchema.parse({ ...base, scope, resourceIndicator: false })).toEqual({
      ...base,
      scope,
      resourceIndicator: false,
    });
  });
});
