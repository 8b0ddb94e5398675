import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTE, roomOf, routeFromSearch, searchForRoute } from './route.ts';

describe('routeFromSearch', () => {
  it('without a space, waits for one to be chosen; the note defaults to welcome', () => {
    expect(routeFromSearch('')).toEqual({
      ok: true,
      route: { spaceId: null, docId: DEFAULT_NOTE },
    });
    expect(roomOf({ spaceId: null, docId: 'x' })).toBeNull();
  });

  it('reads space and note, and writes them back', () => {
    const result = routeFromSearch('?space=team-1&note=standup_2');
    expect(result).toEqual({ ok: true, route: { spaceId: 'team-1', docId: 'standup_2' } });
    if (result.ok) {
      expect(searchForRoute(result.route)).toBe('?space=team-1&note=standup_2');
      expect(roomOf(result.route)).toEqual({ spaceId: 'team-1', docId: 'standup_2' });
    }
    expect(searchForRoute({ spaceId: 'team-1', docId: DEFAULT_NOTE })).toBe('?space=team-1');
  });

  it.each([
    '?space=..&note=x',
    '?space=a%2Fb&note=x',
    '?space=',
    '?note=',
    '?note=a/b',
    `?note=${'x'.repeat(65)}`,
  ])('rejects %s with a message', (search) => {
    const result = routeFromSearch(search);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/does not name a note/);
  });
});
