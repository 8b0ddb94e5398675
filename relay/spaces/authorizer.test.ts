import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/wire.ts';
import { tempDataDir } from '../integration/helpers.ts';
import { createSpaceAuthorizer, NOT_A_MEMBER_REASON } from './authorizer.ts';
import { SqliteSpaceStore } from './sqlite-store.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('space authorizer', () => {
  it('admits members with write access by role and refuses everyone else with 4403', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const store = new SqliteSpaceStore({ dataDir: data.dir });
    cleanups.push(() => {
      store.close();
    });
    store.createSpace({ id: 's', name: 'S' }, 'owner');
    store.setRole('s', 'ed', 'editor');
    store.setRole('s', 'view', 'viewer');
    const authorizer = createSpaceAuthorizer(store);
    const room = { spaceId: 's', docId: 'd' };
    const can = async (id: string) => authorizer.authorize({ id }, room);
    expect(await can('owner')).toEqual({ ok: true, value: { canWrite: true } });
    expect(await can('ed')).toEqual({ ok: true, value: { canWrite: true } });
    expect(await can('view')).toEqual({ ok: true, value: { canWrite: false } });
    const refused = { ok: false, code: CloseCode.Forbidden, reason: NOT_A_MEMBER_REASON };
    expect(await can('other')).toEqual(refused);
    expect(await authorizer.authorize({ id: 'owner' }, { spaceId: 'x', docId: 'd' })).toEqual(
      refused,
    );
  });

  it('lets people of the company read an open space without joining, never outsiders', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const store = new SqliteSpaceStore({ dataDir: data.dir });
    cleanups.push(() => {
      store.close();
    });
    store.createSpace({ id: 'o', name: 'O' }, 'owner');
    const authorizer = createSpaceAuthorizer(store, ['example.com']);
    const room = { spaceId: 'o', docId: 'd' };
    const inside = { id: 'alan', email: 'alan@example.com' };
    const outside = { id: 'eve', email: 'eve@partner.example.org' };
    const refused = { ok: false, code: CloseCode.Forbidden, reason: NOT_A_MEMBER_REASON };
    expect(await authorizer.authorize(inside, room)).toEqual(refused);
    await store.openSpaces.setVisibility('o', { visibility: 'open', joinRole: 'editor' });
    expect(await authorizer.authorize(inside, room)).toEqual({
      ok: true,
      value: { canWrite: false },
    });
    expect(await authorizer.authorize(outside, room)).toEqual(refused);
    expect(await authorizer.authorize({ id: 'anonymous' }, room)).toEqual(refused);
    expect(await store.openSpaces.join('o', 'alan')).toBe('editor');
    expect(await authorizer.authorize(inside, room)).toEqual({
      ok: true,
      value: { canWrite: true },
    });
  });
});
