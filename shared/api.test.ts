import { describe, expect, it } from 'vitest';
import {
  canWrite,
  CreateSpaceRequestSchema,
  httpBaseFromRelayUrl,
  SpaceIconSchema,
} from './api.ts';

describe('httpBaseFromRelayUrl', () => {
  it.each([
    ['ws://127.0.0.1:4444', 'http://127.0.0.1:4444'],
    ['ws://127.0.0.1:4444/', 'http://127.0.0.1:4444'],
    ['wss://relay.example.com/sub?x=1', 'https://relay.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(httpBaseFromRelayUrl(input)).toBe(expected);
  });

  it('rejects what is not a ws URL', () => {
    expect(() => httpBaseFromRelayUrl('http://x')).toThrow(/not a relay URL/);
  });
});

describe('roles and bodies', () => {
  it('only owners and editors write', () => {
    expect([canWrite('owner'), canWrite('editor'), canWrite('viewer')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('refuses unknown keys and blank names', () => {
    expect(CreateSpaceRequestSchema.safeParse({ name: 'Team' }).success).toBe(true);
    expect(CreateSpaceRequestSchema.safeParse({ name: '   ' }).success).toBe(false);
    expect(CreateSpaceRequestSchema.safeParse({ name: 'x', admin: true }).success).toBe(false);
  });
});

describe('space icons', () => {
  it('takes emoji sequences, zero-width joiners included', () => {
    for (const icon of ['🎨', '👩‍💻', '🏳️‍🌈', 'AB']) {
      expect(SpaceIconSchema.safeParse(icon).success).toBe(true);
    }
  });

  it('refuses control characters, line breaks and bidirectional controls', () => {
    for (const icon of ['a\u0000', 'a\nb', '\u202Eab', 'a\u2066', '\u200F!']) {
      expect(SpaceIconSchema.safeParse(icon).success).toBe(false);
    }
  });
});
