import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/api.ts';
import { LiveAccess, type AccessHolder } from './live-access.ts';

function holder(spaceId: string, userId: string): AccessHolder & { roles: (Role | null)[] } {
  const roles: (Role | null)[] = [];
  return { spaceId, userId, roles, applyRole: (role) => roles.push(role) };
}

describe('LiveAccess', () => {
  it('applies a change to the person’s connections in that space only', () => {
    const live = new LiveAccess();
    const a1 = holder('s', 'ada');
    const a2 = holder('s', 'ada');
    const other = holder('t', 'ada');
    const bob = holder('s', 'bob');
    for (const h of [a1, a2, other, bob]) live.add(h);
    live.apply({ spaceId: 's', userId: 'ada', role: 'viewer' });
    expect(a1.roles).toEqual(['viewer']);
    expect(a2.roles).toEqual(['viewer']);
    expect(other.roles).toEqual([]);
    expect(bob.roles).toEqual([]);
    live.remove(a1);
    live.apply({ spaceId: 's', userId: 'ada', role: null });
    expect(a1.roles).toEqual(['viewer']);
    expect(a2.roles).toEqual(['viewer', null]);
    expect(live.size).toBe(3);
  });
});
