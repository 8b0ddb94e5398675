import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { AdminApi } from '../../api/index.ts';
import { AdminDialog } from './AdminDialog.tsx';
import { fakeLegalApi } from './fake-legal-api.ts';

afterEach(cleanup);

function renderLegal() {
  const legal = fakeLegalApi();
  const api: AdminApi = {
    isAdmin: () => Promise.resolve(true),
    audit: () => Promise.resolve({ entries: [], next: null }),
    exportAudit: () => Promise.resolve(new Blob([''])),
    verify: () => Promise.resolve({ ok: true, entries: 0, head: '0'.repeat(64) }),
    people: () => Promise.resolve([]),
    spaces: () =>
      Promise.resolve([
        { id: 'space1', name: 'Sales', createdAt: 0, deletedAt: null, members: 3, owners: [] },
      ]),
    recordExport: () => Promise.resolve(),
    recover: () => Promise.reject(new Error('unused')),
    legal: legal.api,
  };
  render(<AdminDialog api={api} onClose={() => undefined} />);
  fireEvent.click(screen.getByRole('tab', { name: 'Legal' }));
  return legal;
}

describe('the Legal tab', () => {
  it('saves the company retention and a space override', async () => {
    const legal = renderLegal();
    const company = await screen.findByRole('group', { name: 'Company default' });
    fireEvent.change(within(company).getByRole('textbox', { name: 'Days in the trash' }), {
      target: { value: '30' },
    });
    fireEvent.change(within(company).getByRole('textbox', { name: 'Days of history' }), {
      target: { value: '365' },
    });
    fireEvent.click(within(company).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Retention saved.')).toBeTruthy();
    expect(legal.settings().company).toEqual({ trashDays: 30, historyDays: 365 });

    const override = screen.getByRole('group', { name: 'Override for one space' });
    await within(override).findByRole('option', { name: 'Sales' });
    fireEvent.change(within(override).getByRole('combobox', { name: 'Space' }), {
      target: { value: 'space1' },
    });
    // Choosing a space shows its own values: the form is a new one.
    const chosen = screen.getByRole('group', { name: 'Override for one space' });
    fireEvent.change(within(chosen).getByRole('textbox', { name: 'Days in the trash' }), {
      target: { value: '7' },
    });
    fireEvent.click(within(chosen).getByRole('button', { name: 'Save' }));
    const table = await screen.findByRole('table', { name: 'Spaces with their own retention' });
    expect(within(table).getByText('Sales')).toBeTruthy();
    expect(legal.settings().spaces).toEqual([
      { spaceId: 'space1', trashDays: 7, historyDays: null },
    ]);
  });

  it('places a hold on a space, exports it and releases it', async () => {
    const legal = renderLegal();
    fireEvent.change(await screen.findByRole('textbox', { name: 'Case name' }), {
      target: { value: 'Acme v. Us' },
    });
    const holdSpace = screen.getAllByRole('combobox', { name: 'Space' }).at(-1);
    if (holdSpace === undefined) throw new Error('no space field');
    await within(holdSpace).findByRole('option', { name: 'Sales' });
    fireEvent.change(holdSpace, { target: { value: 'space1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place hold' }));
    expect(await screen.findByText('Hold “Acme v. Us” placed.')).toBeTruthy();
    const row = (await screen.findByText('Space: Sales')).closest('tr');
    if (row === null) throw new Error('no row');
    expect(within(row).getByText('Active')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Export the notes of “Acme v. Us”' }));
    await expect.poll(() => legal.exported).toEqual(['hold1']);
    fireEvent.click(within(row).getByRole('button', { name: 'Release hold “Acme v. Us”' }));
    expect(await screen.findByText('Hold “Acme v. Us” released.')).toBeTruthy();
    expect(await screen.findByText(/^Released /)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Export the notes/ })).toBeNull();
  });
});
