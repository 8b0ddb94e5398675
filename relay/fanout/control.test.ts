import { describe, expect, it } from 'vitest';
import { decodeControl, encodeControl } from './control.ts';

describe('control channel messages', () => {
  it('round-trips role changes and rechecks, and skips the sender’s own', () => {
    const change = { spaceId: 's', userId: 'u', role: 'viewer' } as const;
    const membership = encodeControl({ kind: 'membership', change }, 'a');
    expect(decodeControl(membership, 'b')).toEqual({ kind: 'membership', change });
    expect(decodeControl(membership, 'a')).toBeNull();
    for (const userId of ['u', null]) {
      const recheck = encodeControl({ kind: 'recheck', userId }, 'a');
      expect(decodeControl(recheck, 'b')).toEqual({ kind: 'recheck', userId });
    }
  });

  it('ignores malformed messages', () => {
    for (const text of ['', 'nope', 'null', '{"recheck":true,"userId":3}', '{"spaceId":"s"}']) {
      expect(decodeControl(text, 'b')).toBeNull();
    }
    expect(decodeControl('{"spaceId":"s","userId":"u","role":"god"}', 'b')).toBeNull();
  });
});
