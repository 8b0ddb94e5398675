import { describe, expect, it } from 'vitest';
import {
  AppInfoSchema,
  IdentityConfigSchema,
  relayUrlsOf,
  requestedScope,
  resourceIndicator,
} from './host.ts';

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

describe('relay URLs in the app info', () => {
  const info = { name: 'Commonplace', version: '1', platform: 'web', relayUrl: 'wss://a.example' };

  it('keeps the single-URL case as it was', () => {
    expect(AppInfoSchema.parse(info)).toEqual(info);
    expect(relayUrlsOf(info)).toEqual(['wss://a.example']);
  });

  it('accepts up to 16 ws: or wss: URLs, and nothing else', () => {
    const urls = Array.from({ length: 16 }, (_, i) => `wss://n${String(i)}.example`);
    expect(AppInfoSchema.parse({ ...info, relayUrls: urls }).relayUrls).toEqual(urls);
    expect(AppInfoSchema.safeParse({ ...info, relayUrls: [...urls, 'wss://x'] }).success).toBe(
      false,
    );
    for (const bad of [[], ['https://a.example'], ['javascript:alert(1)'], ['not a url']]) {
      expect(AppInfoSchema.safeParse({ ...info, relayUrls: bad }).success, String(bad)).toBe(false);
    }
  });

  it('starts the rotation at relayUrl, in the list order', () => {
    const relayUrls = ['ws://b.example', 'wss://a.example', 'ws://c.example'];
    expect(relayUrlsOf({ ...info, relayUrls })).toEqual([
      'wss://a.example',
      'ws://c.example',
      'ws://b.example',
    ]);
    expect(relayUrlsOf({ ...info, relayUrls: ['ws://b.example'] })).toEqual([
      'wss://a.example',
      'ws://b.example',
    ]);
  });
});
