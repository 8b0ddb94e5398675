import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AdminSpace, AuditEntry, AuditQuery } from '../../../shared/admin-api.ts';
import type { AdminApi } from '../../api/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, type DocRegistry } from '../../sync/index.ts';
import { AccountMenu } from '../account/index.ts';
import { fakeLegalApi } from './fake-legal-api.ts';

let registry: DocRegistry | null = null;
afterEach(() => {
  cleanup();
  registry?.destroy();
  registry = null;
});

const entry = (seq: number, kind: AuditEntry['kind'], actor: string): AuditEntry => ({
  seq,
  at: Date.UTC(2026, 11, 1, 9, seq),
  kind,
  actor,
  space: 'space1',
  target: null,
  ip: '10.0.0.7',
  userAgent: 'Commonplace/1.0',
  detail: { reason: kind === 'refused' ? 'not a member' : null },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

/** Answers like the relay's admin routes, and records what was asked. */
function fakeAdmin(admin: boolean) {
  const queries: AuditQuery[] = [];
  const recovered: [string, string][] = [];
  let owners: string[] = [];
  const space = (): AdminSpace => ({
    id: 'space1',
    name: 'Orphaned',
    createdAt: 0,
    deletedAt: null,
    members: 2,
    owners,
  });
  const api: AdminApi = {
    isAdmin: () => Promise.resolve(admin),
    audit: (query) => {
      queries.push(query);
      const all = [entry(2, 'refused', 'emp-1002'), entry(1, 'sign-in', 'emp-1001')];
      return Promise.resolve({
        entries: all.filter((e) => query.kind === undefined || e.kind === query.kind),
        next: null,
      });
    },
    exportAudit: () => Promise.resolve(new Blob([''])),
    verify: () => Promise.resolve({ ok: true, entries: 2, head: 'f'.repeat(64) }),
    people: () => Promise.resolve([{ id: 'emp-1002', name: 'Grace Hopper' }]),
    spaces: () => Promise.resolve([space()]),
    recordExport: () => Promise.resolve(),
    recover: (spaceId, userId) => {
      recovered.push([spaceId, userId]);
      owners = [userId];
      return Promise.resolve(space());
    },
    legal: fakeLegalApi().api,
  };
  return { api, queries, recovered };
}

function renderMenu(api: AdminApi) {
  const store = createAppStore();
  registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Hedy', color: '#e5484d' },
    connect: false,
  });
  render(
    <AppServicesContext value={{ store, registry, admin: api }}>
      <AccountMenu
        profile={{ sub: 'emp-1005', name: 'Hedy Lamarr' }}
        onSignOut={() => Promise.resolve()}
      />
    </AppServicesContext>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Account: Hedy Lamarr' }));
}

describe('the Admin view', () => {
  it('is not offered to someone the relay does not call an admin', async () => {
    const { api } = fakeAdmin(false);
    renderMenu(api);
    await screen.findByRole('button', { name: 'Sign out' });
    // Give the status answer its turn, then check the entry never appeared.
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Admin' })).toBeNull();
    });
  });

  it('shows the audit log with filters, and verifies it', async () => {
    const fake = fakeAdmin(true);
    renderMenu(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: 'Admin' }));
    const dialog = screen.getByRole('dialog', { name: 'Administration' });
    const table = await within(dialog).findByRole('table', {
      name: 'Audit log entries, newest first',
    });
    await waitFor(() => {
      expect(within(table).getAllByRole('row')).toHaveLength(3);
    });
    expect(within(table).getByText('not a member', { exact: false })).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Kind' }), {
      target: { value: 'refused' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => {
      expect(within(table).getAllByRole('row')).toHaveLength(2);
    });
    expect(fake.queries.at(-1)).toMatchObject({ kind: 'refused', limit: 50 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify' }));
    expect((await within(dialog).findByRole('status')).textContent).toBe(
      'The audit log is intact (2 entries).',
    );
  });

  it('lists spaces without an owner and makes a named person owner', async () => {
    const fake = fakeAdmin(true);
    renderMenu(fake.api);
    fireEvent.click(await screen.findByRole('button', { name: 'Admin' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Spaces' }));
    expect(await screen.findByText('No owner')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'New owner of Orphaned' }), {
      target: { value: 'emp-1002' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Make owner' }));
    expect(await screen.findByText('Orphaned has a new owner.')).toBeTruthy();
    expect(fake.recovered).toEqual([['space1', 'emp-1002']]);
    expect(await screen.findByText('emp-1002')).toBeTruthy();
  });
});
