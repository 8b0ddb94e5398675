import { describe, expect, it } from 'vitest';
import { DEFAULT_ROOM, roomFromSearch } from './route.ts';

describe('roomFromSearch', () => {
  it('defaults to the demo note', () => {
    expect(roomFromSearch('')).toEqual({ ok: true, room: DEFAULT_ROOM });
  });

  it('reads space and note', () => {
    expect(roomFromSearch('?space=team-1&note=standup_2')).toEqual({
      ok: true,
      room: { spaceId: 'team-1', docId: 'standup_2' },
    });
  });

  it.each([
    '?space=..&note=x',
    '?space=a%2Fb&note=x',
    '?note=',
    '?note=a/b',
    `?note=${'x'.repeat(65)}`,
  ])('rejects %s with a message', (search) => {
    const result = roomFromSearch(search);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/does not name a note/);
  });
});
