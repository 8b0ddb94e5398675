import { describe, expect, it } from 'vitest';
import { formatRoomName, parseRoomName } from './wire.ts';

describe('parseRoomName', () => {
  it('accepts <spaceId>/<docId>', () => {
    expect(parseRoomName('team_1/note-A')).toEqual({ spaceId: 'team_1', docId: 'note-A' });
    expect(formatRoomName({ spaceId: 'a', docId: 'b' })).toBe('a/b');
  });

  it.each([
    '',
    'a',
    'a/',
    '/b',
    'a/b/c',
    '../b',
    'a/..',
    'a%2Fb',
    'a/b%2F',
    'a b/c',
    `a/${'x'.repeat(65)}`,
    `${'x'.repeat(65)}/b`,
  ])('rejects %j', (room) => {
    expect(parseRoomName(room)).toBeNull();
  });

  it('accepts ids of exactly 64 characters', () => {
    const id = 'x'.repeat(64);
    expect(parseRoomName(`${id}/${id}`)).toEqual({ spaceId: id, docId: id });
  });
});
