import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AdoptionReport } from '../../../shared/adoption-api.ts';
import type { Person } from '../../../shared/api.ts';
import type { AdoptionApi } from '../../api/adoption-api.ts';
import { AdoptionTab } from './AdoptionTab.tsx';

afterEach(cleanup);

const REPORT: AdoptionReport = {
  minGroupSize: 5,
  weeks: [
    {
      week: '2026-W48',
      total: { activePeople: 6, notesCreated: 2, notesEdited: 9 },
      activeSpaces: 3,
      departments: [
        {
          department: 'Engineering',
          suppressed: false,
          figures: { activePeople: 6, notesCreated: 2, notesEdited: 9 },
        },
      ],
    },
    {
      week: '2026-W49',
      total: { activePeople: 7, notesCreated: 4, notesEdited: 12 },
      activeSpaces: 5,
      departments: [
        {
          department: 'Engineering',
          suppressed: false,
          figures: { activePeople: 7, notesCreated: 4, notesEdited: 12 },
        },
        { department: 'Legal', suppressed: true },
        { department: null, suppressed: true },
      ],
    },
  ],
};

/** Answers like the relay's adoption and admin people routes, and records what was asked. */
function fakeApis(report: AdoptionReport) {
  let people: Person[] = [
    { id: 'emp-1', name: 'Ada Lovelace', email: 'ada@example.com' },
    { id: 'emp-2', name: 'Grace Hopper', email: 'grace@example.com', champion: true },
  ];
  const asked: number[] = [];
  const marks: [string, boolean][] = [];
  const adoption: AdoptionApi = {
    report: (weeks) => {
      asked.push(weeks);
      return Promise.resolve(report);
    },
    setChampion: (userId, champion) => {
      marks.push([userId, champion]);
      people = people.map((p) => {
        if (p.id !== userId) return p;
        const plain: Person = { id: p.id, name: p.name ?? '', email: p.email ?? '' };
        return champion ? { ...plain, champion: true } : plain;
      });
      const stored = people.find((p) => p.id === userId);
      return stored === undefined
        ? Promise.reject(new Error('no such person'))
        : Promise.resolve(stored);
    },
  };
  const directory = {
    people: (q: string) =>
      Promise.resolve(people.filter((p) => (p.name ?? '').toLowerCase().includes(q.toLowerCase()))),
  };
  return { adoption, directory, asked, marks };
}

async function noAxeViolations(container: HTMLElement): Promise<void> {
  // Structure and names only: happy-dom has no layout, so contrast is left to the browser.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

describe('the Adoption tab', () => {
  it('shows weekly figures, trends and departments, small groups without figures', async () => {
    const fake = fakeApis(REPORT);
    const { container } = render(<AdoptionTab api={fake.directory} adoption={fake.adoption} />);
    const weekly = await screen.findByRole('table', { name: 'Weekly figures, newest first' });
    const rows = within(weekly).getAllByRole('row');
    // Header, then the newest week first.
    expect(rows[1]?.textContent).toContain('7');
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['7', '4', '12', '5']);
    expect(
      screen.getByRole('img', { name: 'Active spaces per week, oldest first: 3, 5' }),
    ).toBeTruthy();
    const departments = screen.getByRole('table', { name: /Figures per department/ });
    const legal = within(departments).getByRole('row', { name: /Legal/ });
    expect(within(legal).getByRole('cell').textContent).toBe('fewer than 5 people');
    expect(within(departments).getByRole('row', { name: /No department/ })).toBeTruthy();
    await noAxeViolations(container);

    // An earlier week's departments.
    const [, weekSelect] = screen.getAllByRole('combobox');
    if (weekSelect === undefined) throw new Error('no week select');
    fireEvent.change(weekSelect, { target: { value: '2026-W48' } });
    expect(within(departments).queryByRole('row', { name: /Legal/ })).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: 'Weeks shown' }), {
      target: { value: '12' },
    });
    await screen.findByRole('table', { name: 'Weekly figures, newest first' });
    expect(fake.asked).toEqual([8, 12]);
  });

  it('says so when nothing was recorded yet', async () => {
    const empty: AdoptionReport = {
      minGroupSize: 5,
      weeks: [
        {
          week: '2026-W49',
          total: { activePeople: 0, notesCreated: 0, notesEdited: 0 },
          activeSpaces: 0,
          departments: [],
        },
      ],
    };
    const fake = fakeApis(empty);
    const { container } = render(<AdoptionTab api={fake.directory} adoption={fake.adoption} />);
    expect(await screen.findByText(/No activity yet/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Weekly figures, newest first' })).toBeNull();
    await noAxeViolations(container);
  });

  it('lists champions, marks one found in the directory and unmarks another', async () => {
    const fake = fakeApis(REPORT);
    const { container } = render(<AdoptionTab api={fake.directory} adoption={fake.adoption} />);
    const list = await screen.findByRole('table', { name: 'Champions' });
    expect(within(list).getByText('Grace Hopper')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: /Find a person/ }), {
      target: { value: 'ada' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark Ada Lovelace as champion' }));
    expect(await screen.findByText('Ada Lovelace is now a champion.')).toBeTruthy();
    expect(await within(list).findByText('Ada Lovelace')).toBeTruthy();
    await noAxeViolations(container);

    fireEvent.click(within(list).getByRole('button', { name: 'Remove Grace Hopper as champion' }));
    expect(await screen.findByText('Grace Hopper is no longer a champion.')).toBeTruthy();
    await waitFor(() => {
      expect(within(list).queryByText('Grace Hopper')).toBeNull();
    });
    expect(fake.marks).toEqual([
      ['emp-1', true],
      ['emp-2', false],
    ]);
  });
});
