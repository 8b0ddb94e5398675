/**
 * Turns raw per-department figures into the adoption report, suppressing
 * small groups. A department-week with fewer than `minGroup` active people
 * is shown as "fewer than N" without figures. The week's total is the sum of
 * the shown departments only: were it the sum of everyone, total minus the
 * shown departments would give the suppressed one's figures back. (The
 * alternative, suppressing a second bucket as well, still leaks when the
 * reader knows a department's headcount; leaving the suppressed out of the
 * total never does.) Active spaces are a count of spaces, not of people.
 */
import type { AdoptionReport, AdoptionWeek } from '../../shared/adoption-api.ts';
import type { DepartmentWeek } from './sql-activity.ts';

const byDepartment = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);

export function adoptionReport(
  weeks: readonly string[],
  rows: readonly DepartmentWeek[],
  activeSpaces: ReadonlyMap<string, number>,
  minGroup: number,
): AdoptionReport {
  const out: AdoptionWeek[] = weeks.map((week) => {
    const departments = rows
      .filter((row) => row.week === week)
      .sort((a, b) => byDepartment(a.department, b.department));
    const total = { activePeople: 0, notesCreated: 0, notesEdited: 0 };
    const shown = departments.map((row) => {
      if (row.activePeople < minGroup) {
        return { department: row.department, suppressed: true as const };
      }
      const figures = {
        activePeople: row.activePeople,
        notesCreated: row.notesCreated,
        notesEdited: row.notesEdited,
      };
      total.activePeople += figures.activePeople;
      total.notesCreated += figures.notesCreated;
      total.notesEdited += figures.notesEdited;
      return { department: row.department, suppressed: false as const, figures };
    });
    return { week, total, activeSpaces: activeSpaces.get(week) ?? 0, departments: shown };
  });
  return { minGroupSize: minGroup, weeks: out };
}
