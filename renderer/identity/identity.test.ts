import { describe, expect, it } from 'vitest';
import {
  IDENTITY_COLORS,
  IDENTITY_STORAGE_KEY,
  IdentitySchema,
  generateIdentity,
  loadIdentity,
} from './index.ts';

describe('identity', () => {
  it('generates a valid name and a palette colour', () => {
    const identity = generateIdentity();
    expect(IdentitySchema.parse(identity)).toEqual(identity);
    expect(IDENTITY_COLORS).toContain(identity.color);
    expect(identity.name).toMatch(/^\w+ \w+$/);
  });

  it('persists the generated identity and returns it next time', () => {
    localStorage.clear();
    const first = loadIdentity(localStorage);
    expect(JSON.parse(localStorage.getItem(IDENTITY_STORAGE_KEY) ?? 'null')).toEqual(first);
    expect(loadIdentity(localStorage)).toEqual(first);
  });

  it('replaces a corrupt or tampered stored identity', () => {
    localStorage.setItem(IDENTITY_STORAGE_KEY, '{not json');
    const fromGarbage = loadIdentity(localStorage);
    expect(IdentitySchema.safeParse(fromGarbage).success).toBe(true);
    localStorage.setItem(
      IDENTITY_STORAGE_KEY,
      JSON.stringify({ id: 'abcdefgh12', name: 'Eve', color: 'url(javascript:1)' }),
    );
    expect(loadIdentity(localStorage).color).not.toBe('url(javascript:1)');
  });

  it('works without storage', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    expect(IdentitySchema.safeParse(loadIdentity(throwing)).success).toBe(true);
    expect(IdentitySchema.safeParse(loadIdentity(null)).success).toBe(true);
  });
});
