import { describe, expect, it } from 'vitest';
import { IDENTITY_COLORS, colorForSub, identityFromProfile, initials } from './index.ts';

describe('identity from the signed-in profile', () => {
  it('uses the name, and a palette colour derived from sub alone', () => {
    const ada = identityFromProfile({ sub: 'emp-1001', name: 'Ada Lovelace', email: 'a@x.com' });
    expect(ada).toEqual({ id: 'emp-1001', name: 'Ada Lovelace', color: colorForSub('emp-1001') });
    expect(IDENTITY_COLORS).toContain(ada.color);
    // Renaming keeps the colour; another person (usually) gets another one.
    expect(identityFromProfile({ sub: 'emp-1001', name: 'Ada King' }).color).toBe(ada.color);
    const colours = new Set(
      ['emp-1001', 'emp-1002', 'emp-1003', 'emp-1004', 'emp-1005'].map(colorForSub),
    );
    expect(colours.size).toBeGreaterThan(1);
  });

  it('falls back to the email, then the id, and keeps names short for awareness', () => {
    expect(identityFromProfile({ sub: 's1', email: 'x@y.com' }).name).toBe('x@y.com');
    expect(identityFromProfile({ sub: 's1', name: '  ' }).name).toBe('s1');
    expect(identityFromProfile({ sub: 's1', name: 'n'.repeat(200) }).name).toHaveLength(64);
  });

  it('makes initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('grace')).toBe('G');
    expect(initials('Katherine Coleman Johnson')).toBe('KC');
    expect(initials('   ')).toBe('?');
  });
});
