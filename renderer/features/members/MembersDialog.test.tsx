import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import type { Member, Person, Role } from '../../../shared/api.ts';
import { createMembersApi } from '../../api/index.ts';
import { MembersButton } from './index.ts';

afterEach(cleanup);

const PEOPLE: Person[] = [
  { id: 'emp-ada', name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: 'emp-grace', name: 'Grace Hopper', email: 'grace@example.com' },
  { id: 'emp-alan', name: 'Alan Turing', email: 'alan@example.com' },
];

/**
 * A FAKE of the relay's members endpoints behind `fetch` (the real one is
 * exercised by e2e/members.spec.ts): the same rules as relay/http/api-routes.ts
 * (owners only, the last owner stays, unknown people 404), in memory.
 */
function fakeRelay(caller: string, members: Member[]) {
  const json = (body: unknown, status = 200) =>
    new Response(status === 204 ? null : JSON.stringify(body), { status });
  const fail = (status: number, code: string, message: string) =>
    json({ error: { code, message } }, status);
  const owners = () => members.filter((m) => m.role === 'owner').length;
  const fetchFn = vi.fn((input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(
      input instanceof URL ? input.href : typeof input === 'string' ? input : input.url,
    );
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/directory') {
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return Promise.resolve(
        json({ people: PEOPLE.filter((p) => p.name?.toLowerCase().includes(q)) }),
      );
    }
    if (url.pathname === '/api/spaces/s1/members') return Promise.resolve(json({ members }));
    const userId = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
    const isOwner = members.some((m) => m.id === caller && m.role === 'owner');
    const at = members.findIndex((m) => m.id === userId);
    if (!isOwner) return Promise.resolve(fail(403, 'forbidden', 'only owners change members'));
    if (method === 'PUT') {
      const role = (JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { role: Role })
        .role;
      const person = PEOPLE.find((p) => p.id === userId);
      if (!person) return Promise.resolve(fail(404, 'unknown_person', 'nobody with that id'));
      const current = members[at];
      if (current?.role === 'owner' && role !== 'owner' && owners() === 1) {
        return Promise.resolve(fail(409, 'last_owner', 'a space must keep an owner'));
      }
      if (current) members[at] = { ...current, role };
      else members.push({ ...person, role });
      // As the shared contract says: 200 with the member as now stored.
      return Promise.resolve(json({ ...person, role }));
    }
    if (members[at]?.role === 'owner' && owners() === 1) {
      return Promise.resolve(fail(409, 'last_owner', 'a space must keep an owner'));
    }
    members.splice(at, 1);
    return Promise.resolve(json(null, 204));
  });
  const api = createMembersApi({
    relayUrl: 'ws://relay.test',
    fetch: fetchFn,
    accessToken: () => Promise.resolve({ accessToken: 't', expiresAt: 1 }),
  });
  return { api, members, fetchFn };
}

function open(caller: string, role: Role, members: Member[]) {
  const relay = fakeRelay(caller, members);
  const onChanged = vi.fn();
  const view = render(
    <MembersButton
      api={relay.api}
      spaceId="s1"
      spaceName="Board"
      myRole={role}
      mySub={caller}
      onChanged={onChanged}
    />,
  );
  fireEvent.click(view.getByRole('button', { name: 'Members' }));
  const dialog = view.getByRole('dialog', { name: 'Members of Board' });
  return { view, dialog, relay, onChanged };
}

const ADA_OWNER: Member = { id: 'emp-ada', name: 'Ada Lovelace', role: 'owner' };

describe('members dialog', () => {
  it('lets an owner invite someone found by typing, as viewer, then promote them', async () => {
    const { dialog, relay, onChanged } = open('emp-ada', 'owner', [{ ...ADA_OWNER }]);
    await within(dialog).findByRole('list', { name: 'Members' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Invite as' }), {
      target: { value: 'viewer' },
    });
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Find people to invite' }), {
      target: { value: 'gra' },
    });
    const found = await within(dialog).findByRole('list', { name: 'People found' });
    expect(found.textContent).toContain('Grace Hopper');
    expect(found.textContent).not.toContain('Ada');
    fireEvent.click(within(found).getByRole('button', { name: 'Invite Grace Hopper' }));

    const role = await within(dialog).findByRole<HTMLSelectElement>('combobox', {
      name: 'Role of Grace Hopper',
    });
    expect(role.value).toBe('viewer');
    expect(relay.members.find((m) => m.id === 'emp-grace')?.role).toBe('viewer');
    fireEvent.change(role, { target: { value: 'editor' } });
    await waitFor(() => {
      expect(relay.members.find((m) => m.id === 'emp-grace')?.role).toBe('editor');
    });
    await waitFor(() => {
      expect(
        within(dialog).getByRole<HTMLSelectElement>('combobox', {
          name: 'Role of Grace Hopper',
        }).value,
      ).toBe('editor');
    });
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('shows the relay’s reason when the last owner would leave, and keeps the list', async () => {
    const { dialog, relay } = open('emp-ada', 'owner', [
      { ...ADA_OWNER },
      { id: 'emp-alan', name: 'Alan Turing', role: 'editor' },
    ]);
    const role = await within(dialog).findByRole('combobox', { name: 'Role of Ada Lovelace' });
    fireEvent.change(role, { target: { value: 'viewer' } });
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Could not make Ada Lovelace viewer: a space must keep an owner',
    );
    expect(
      within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Role of Ada Lovelace' })
        .value,
    ).toBe('owner');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove Alan Turing' }));
    await waitFor(() => {
      expect(within(dialog).queryByText('Alan Turing')).toBeNull();
    });
    expect(relay.members.map((m) => m.id)).toEqual(['emp-ada']);
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('shows the list read-only to someone who is not an owner, and closes with Escape', async () => {
    const { view, dialog } = open('emp-grace', 'editor', [
      { ...ADA_OWNER },
      { id: 'emp-grace', name: 'Grace Hopper', role: 'editor' },
    ]);
    const list = await within(dialog).findByRole('list', { name: 'Members' });
    expect(list.textContent).toContain('Ada Lovelace');
    expect(list.textContent).toContain('Owner');
    expect(list.textContent).toContain('Grace Hopper (you)');
    expect(within(dialog).queryByRole('combobox')).toBeNull();
    expect(within(dialog).queryByRole('searchbox')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: /Remove/ })).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(view.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(view.getByRole('button', { name: 'Members' }));
  });
});
