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

describe('LiveAccess, space list changes', () => {
  it('tells every connection of the person, in any space, and no one else', () => {
    const live = new LiveAccess();
    const told: string[] = [];
    const tellable = (spaceId: string, userId: string, name: string): AccessHolder => ({
      spaceId,
      userId,
      applyRole: () => undefined,
      notifySpacesChanged: () => told.push(name),
    });
    const inOld = tellable('old', 'ada', 'ada@old');
    live.add(inOld);
    live.add(tellable('other', 'ada', 'ada@other'));
    live.add(tellable('new', 'bob', 'bob@new'));
    // Ada is invited to a space she has no connection in yet.
    live.apply({ spaceId: 'new', userId: 'ada', role: 'editor' });
    expect(told.sort()).toEqual(['ada@old', 'ada@other']);
    told.length = 0;
    live.remove(inOld);
    live.apply({ spaceId: 'new', userId: 'ada', role: null });
    expect(told).toEqual(['ada@other']);
  });

  it('re-runs the access stage of one person’s connections, or of everyone’s', () => {
    const live = new LiveAccess();
    const checks: string[] = [];
    const counted = (spaceId: string, userId: string): AccessHolder => ({
      ...holder(spaceId, userId),
      reauthorize: () => checks.push(`${spaceId}/${userId}`),
    });
    for (const h of [counted('s', 'ada'), counted('t', 'ada'), counted('s', 'bob')]) live.add(h);
    live.reevaluate('ada');
    expect(checks.sort()).toEqual(['s/ada', 't/ada']);
    checks.length = 0;
    live.reevaluate(null);
    expect(checks.sort()).toEqual(['s/ada', 's/bob', 't/ada']);
  });
});
