import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/wire.ts';
import { roomFromPath, splitRequestUrl } from './room-from-url.ts';

describe('room from the request URL', () => {
  it('takes the room from the path and the params from the query', () => {
    const { path, query } = splitRequestUrl('/team/notes?token=abc&x=1');
    expect(path).toBe('/team/notes');
    expect(query.get('token')).toBe('abc');
    expect(roomFromPath(path)).toEqual({ ok: true, value: { spaceId: 'team', docId: 'notes' } });
  });

  it.each([
    '',
    '/',
    'team/notes',
    '/team',
    '/team/notes/',
    '/team/notes/more',
    '//notes',
    '/team/..',
    '/../notes',
    '/team%2Fnotes',
    '/team/%2E%2E',
    '/team/no tes',
    `/team/${'x'.repeat(65)}`,
  ])('refuses %j with 4404', (path) => {
    expect(roomFromPath(path)).toMatchObject({ ok: false, code: CloseCode.InvalidRoom });
  });
});
