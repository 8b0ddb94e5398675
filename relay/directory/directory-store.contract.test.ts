/**
 * The directory's contract (provisioned people on the spaces store's
 * `people`), run against SQLite and PostgreSQL: provisioning, the match on
 * first sign-in that carries memberships over, and deactivation.
 */
import { expect, it } from 'vitest';
import { describeStores } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';
import type { DirectoryEntry } from './types.ts';

const entry = (scimId: string, userName: string, extra: Partial<DirectoryEntry> = {}) => ({
  scimId,
  userName,
  active: true,
  ...extra,
});

describeStores('DirectoryStore', (h) => {
  const fresh = (): Promise<RelayStores> => h.fresh();
  it('provisions people who never signed in, searchable, unique by address, paged', async () => {
    const s = (await fresh()).spaces;
    const linus = await s.directory.provision(
      entry('s-1', 'Linus@example.com', {
        name: 'Linus Pauling',
        title: 'Chemist',
        manager: 'm-1',
        location: 'Pasadena',
      }),
    );
    expect(linus).toMatchObject({
      scimId: 's-1',
      name: 'Linus Pauling',
      title: 'Chemist',
      location: 'Pasadena',
      signedIn: false,
    });
    if (linus === 'conflict') throw new Error('unexpected conflict');
    expect(await s.directory.directoryFields(linus.id)).toEqual({
      title: 'Chemist',
      department: null,
      manager: 'm-1',
      location: 'Pasadena',
      active: true,
    });
    await s.directory.provision(entry('s-2', 'ada@example.com', { name: 'Ada' }));
    expect(await s.directory.provision(entry('s-3', 'linus@EXAMPLE.com'))).toBe('conflict');
    expect((await s.searchPeople('pauling', 10)).map((p) => p.name)).toEqual(['Linus Pauling']);
    const page = await s.directory.listProvisioned(null, 1, 1);
    expect(page.total).toBe(2);
    expect(page.people.map((p) => p.scimId)).toEqual(['s-1']);
    const one = await s.directory.listProvisioned('LINUS@example.com', 0, 10);
    expect(one.people.map((p) => p.scimId)).toEqual(['s-1']);
    const updated = await s.directory.provision(
      entry('s-1', 'linus@example.com', { title: 'Senior' }),
    );
    expect(updated).toMatchObject({
      title: 'Senior',
      name: 'Linus Pauling',
      userName: 'linus@example.com',
    });
    // The IdP's record is the whole truth: a location it no longer sends is gone.
    expect(await s.directory.directoryFields(linus.id)).toMatchObject({
      title: 'Senior',
      location: null,
    });
  });

  it('keeps SCIM groups by member SCIM id and answers membership by person id', async () => {
    const s = (await fresh()).spaces;
    await s.directory.provision(entry('u-1', 'ada@example.com'));
    const created = await s.directory.groups.create({
      id: 'g-1',
      displayName: 'Admins',
      members: ['u-1', 'u-unknown'],
    });
    expect(created).toMatchObject({ displayName: 'Admins', members: ['u-1', 'u-unknown'] });
    expect(await s.directory.groups.create({ id: 'g-2', displayName: 'ADMINS', members: [] })).toBe(
      'conflict',
    );
    expect(await s.directory.groups.isMember('admins', 'directory-u-1')).toBe(true);
    const changed = await s.directory.groups.replace({
      id: 'g-1',
      displayName: 'Admins',
      members: ['u-2'],
    });
    expect(changed).toMatchObject({ added: ['u-2'], removed: ['u-1', 'u-unknown'] });
    expect(await s.directory.groups.isMember('Admins', 'directory-u-1')).toBe(false);
    expect((await s.directory.groups.list('admins', 0, 10)).total).toBe(1);
    expect(await s.directory.groups.remove('g-1')).toEqual(['u-2']);
    expect(await s.directory.groups.get('g-1')).toBeNull();
  });

  it('marks champions and counts activity once per note, person and day', async () => {
    const s = (await fresh()).spaces;
    await s.upsertPerson({ id: 'p-1', name: 'Ada' });
    expect(await s.directory.setChampion('p-1', true)).toBe(true);
    expect(await s.directory.setChampion('nobody', true)).toBe(false);
    expect(await s.getPerson('p-1')).toEqual({ id: 'p-1', name: 'Ada', champion: true });
    const edit = {
      personId: 'p-1',
      spaceId: 's',
      noteId: 'n',
      day: '2026-12-05',
      week: '2026-W49',
    };
    await s.directory.activity.recordEdit(edit);
    await s.directory.activity.recordEdit(edit);
    await s.directory.activity.recordEdit({ ...edit, day: '2026-12-06' });
    await s.directory.activity.recordActive('p-2', '2026-W49');
    const rows = await s.directory.activity.departmentWeeks(['2026-W49']);
    expect(rows).toEqual([
      { week: '2026-W49', department: null, activePeople: 2, notesCreated: 1, notesEdited: 2 },
    ]);
    expect((await s.directory.activity.activeSpaces(['2026-W49'])).get('2026-W49')).toBe(1);
    await s.directory.activity.pruneEditDays('2026-12-07');
  });

  it('on first sign-in the entry becomes the person, memberships included', async () => {
    const s = (await fresh()).spaces;
    const stored = await s.directory.provision(entry('s-9', 'kat@example.com', { name: 'Kat' }));
    if (stored === 'conflict') throw new Error('unexpected conflict');
    await s.createSpace({ id: 'x', name: 'X' }, 'ada');
    expect(await s.setRole('x', stored.id, 'editor')).toBe('ok');
    await s.directory.claim('sub-kat', 'KAT@example.com');
    await s.upsertPerson({ id: 'sub-kat', name: 'Kat J', email: 'kat@example.com' });
    expect(await s.roleOf('x', 'sub-kat')).toBe('editor');
    expect(await s.roleOf('x', stored.id)).toBeNull();
    expect(await s.directory.provisioned('s-9')).toMatchObject({
      id: 'sub-kat',
      signedIn: true,
      name: 'Kat J',
    });
    // Claiming again (another process, memo lost) changes nothing.
    await s.directory.claim('sub-kat', 'kat@example.com');
    expect(await s.roleOf('x', 'sub-kat')).toBe('editor');
  });

  it('joins a person who signed in before being provisioned, and deactivates by id', async () => {
    const s = (await fresh()).spaces;
    await s.upsertPerson({ id: 'sub-grace', name: 'Grace', email: 'grace@example.com' });
    expect(await s.directory.isDeactivated('sub-grace')).toBe(false);
    const joined = await s.directory.provision(entry('s-5', 'grace@example.com'));
    expect(joined).toMatchObject({ id: 'sub-grace', signedIn: true });
    await s.directory.provision(entry('s-5', 'grace@example.com', { active: false }));
    expect(await s.directory.isDeactivated('sub-grace')).toBe(true);
    // Still named on what she wrote, but no longer offered when inviting people.
    expect(await s.getPerson('sub-grace')).toMatchObject({ name: 'Grace' });
    expect(await s.searchPeople('grace', 10)).toEqual([]);
    expect(await s.directory.isDeactivated('nobody')).toBe(false);
  });
});
