import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Member, MySpace, Role } from '../../../shared/api.ts';
import type { SpaceVisibility } from '../../../shared/open-spaces-api.ts';
import { ApiRequestError, type OpenSpacesApi } from '../../api/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, type DocRegistry } from '../../sync/index.ts';
import { LeaveSpaceDialog, VisibilityField } from './index.ts';

let registry: DocRegistry | null = null;
afterEach(() => {
  cleanup();
  registry?.destroy();
  registry = null;
});

/** Answers like the relay from one stored visibility; `refuseOpen` like a Restricted label. */
function fakeApi(stored: SpaceVisibility, refuseOpen = false) {
  const left: string[] = [];
  const api: OpenSpacesApi = {
    list: () => Promise.resolve([]),
    join: () => Promise.reject(new Error('not used')),
    leave: (spaceId) => {
      left.push(spaceId);
      return Promise.resolve();
    },
    visibility: () => Promise.resolve(stored),
    setVisibility: (_spaceId, value) => {
      if (refuseOpen && value.visibility === 'open') {
        return Promise.reject(
          new ApiRequestError(403, 'classification_forbids_open', 'kept private'),
        );
      }
      stored = { visibility: value.visibility, joinRole: value.joinRole ?? stored.joinRole };
      return Promise.resolve(stored);
    },
  };
  return { api, left };
}

function withServices(api: OpenSpacesApi, children: React.ReactNode) {
  const store = createAppStore();
  registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  return (
    <AppServicesContext value={{ store, registry, openSpaces: api }}>{children}</AppServicesContext>
  );
}

function leaveDialog(role: Role, members: Member[], api: OpenSpacesApi) {
  const space: MySpace = { id: 'space1', name: 'Design', role };
  let leftCalls = 0;
  render(
    withServices(
      api,
      <LeaveSpaceDialog
        space={space}
        members={{ list: () => Promise.resolve(members) }}
        spaces={{ refresh: () => Promise.resolve() }}
        onClose={() => undefined}
        onLeft={() => {
          leftCalls += 1;
        }}
      />,
    ),
  );
  return { dialog: screen.getByRole('dialog', { name: 'Leave Design?' }), left: () => leftCalls };
}

describe('LeaveSpaceDialog', () => {
  it('tells the only owner why they cannot leave, and offers no Leave', async () => {
    const { api, left } = fakeApi({ visibility: 'private', joinRole: 'viewer' });
    const { dialog } = leaveDialog(
      'owner',
      [
        { id: 'ada', role: 'owner' },
        { id: 'grace', role: 'editor' },
      ],
      api,
    );
    await within(dialog).findByText(/You are the only owner of Design/);
    expect(within(dialog).queryByRole('button', { name: 'Leave' })).toBeNull();
    expect(left).toEqual([]);
  });

  it('lets one of two owners leave, saying they can join an open space again', async () => {
    const { api, left } = fakeApi({ visibility: 'open', joinRole: 'viewer' });
    const { dialog, left: leftCalls } = leaveDialog(
      'owner',
      [
        { id: 'ada', role: 'owner' },
        { id: 'grace', role: 'owner' },
      ],
      api,
    );
    await within(dialog).findByText(/join it again from Browse spaces/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave' }));
    await waitFor(() => {
      expect(leftCalls()).toBe(1);
    });
    expect(left).toEqual(['space1']);
  });
});

describe('VisibilityField', () => {
  it('opens a space with a join role for an owner', async () => {
    const { api } = fakeApi({ visibility: 'private', joinRole: 'viewer' });
    render(withServices(api, <VisibilityField spaceId="space1" isOwner />));
    const open = await screen.findByRole<HTMLInputElement>('radio', {
      name: 'Open to everyone in the company',
    });
    await waitFor(() => {
      expect(open.disabled).toBe(false);
    });
    fireEvent.click(open);
    const role = await screen.findByRole('combobox', { name: 'People who join become' });
    fireEvent.change(role, { target: { value: 'editor' } });
    await screen.findByText('Saved.');
    expect(await api.visibility('space1')).toEqual({ visibility: 'open', joinRole: 'editor' });
  });

  it('puts the choice back and says why when the relay refuses', async () => {
    const { api } = fakeApi({ visibility: 'private', joinRole: 'viewer' }, true);
    render(withServices(api, <VisibilityField spaceId="space1" isOwner />));
    const open = await screen.findByRole<HTMLInputElement>('radio', {
      name: 'Open to everyone in the company',
    });
    await waitFor(() => {
      expect(open.disabled).toBe(false);
    });
    fireEvent.click(open);
    expect((await screen.findByRole('alert')).textContent).toContain('kept private');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Private' }).checked).toBe(true);
  });

  it('tells a member who is not an owner whether the space is open', async () => {
    const { api } = fakeApi({ visibility: 'open', joinRole: 'editor' });
    render(withServices(api, <VisibilityField spaceId="space1" isOwner={false} />));
    await screen.findByText(/join it as editor/);
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
