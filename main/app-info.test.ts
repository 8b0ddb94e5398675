import { describe, expect, it } from 'vitest';
import { createAppInfo, resolveRelayUrl } from './app-info.ts';
import { DEFAULT_RELAY_URL } from './config.ts';
import { FakeApp } from './testing/fake-electron.ts';

describe('resolveRelayUrl', () => {
  it('defaults to the embedded relay', () => {
    expect(resolveRelayUrl({})).toBe('ws://127.0.0.1:4444');
    expect(resolveRelayUrl({ COMMONPLACE_RELAY_URL: '  ' })).toBe(DEFAULT_RELAY_URL);
  });

  it('takes COMMONPLACE_RELAY_URL', () => {
    expect(resolveRelayUrl({ COMMONPLACE_RELAY_URL: 'wss://relay.example.com' })).toBe(
      'wss://relay.example.com',
    );
  });

  it.each(['http://relay.example.com', 'relay.example.com', 'javascript:alert(1)'])(
    'refuses %s with a message naming the variable',
    (value) => {
      expect(() => resolveRelayUrl({ COMMONPLACE_RELAY_URL: value })).toThrow(
        /COMMONPLACE_RELAY_URL must be a ws:\/\/ or wss:\/\/ URL/,
      );
    },
  );
});

describe('createAppInfo', () => {
  it('reports name and version from the app and platform desktop', () => {
    expect(createAppInfo(new FakeApp(), 'ws://127.0.0.1:9999')).toEqual({
      name: 'Commonplace',
      version: '0.1.0',
      platform: 'desktop',
      relayUrl: 'ws://127.0.0.1:9999',
    });
  });
});
