import { describe, expect, it } from 'vitest';
import { isoWeek, lastWeeks } from './iso-week.ts';
import { adoptionReport } from './report.ts';

describe('ISO weeks', () => {
  it('numbers weeks from Monday with week 1 holding the first Thursday', () => {
    expect(isoWeek(Date.UTC(2026, 11, 5))).toBe('2026-W49');
    expect(isoWeek(Date.UTC(2021, 0, 3))).toBe('2020-W53'); // a Sunday
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01'); // a Monday
    expect(lastWeeks(Date.UTC(2026, 11, 5), 2)).toEqual(['2026-W48', '2026-W49']);
  });
});

describe('the adoption report', () => {
  it('suppresses groups under the minimum and leaves them out of the total', () => {
    const week = '2026-W49';
    const report = adoptionReport(
      [week],
      [
        { week, department: 'Legal', activePeople: 4, notesCreated: 9, notesEdited: 20 },
        { week, department: 'Sales', activePeople: 6, notesCreated: 2, notesEdited: 7 },
        { week, department: null, activePeople: 5, notesCreated: 1, notesEdited: 1 },
      ],
      new Map([[week, 3]]),
      5,
    );
    const [only] = report.weeks;
    expect(only?.departments).toEqual([
      { department: 'Legal', suppressed: true },
      {
        department: 'Sales',
        suppressed: false,
        figures: { activePeople: 6, notesCreated: 2, notesEdited: 7 },
      },
      {
        department: null,
        suppressed: false,
        figures: { activePeople: 5, notesCreated: 1, notesEdited: 1 },
      },
    ]);
    expect(only?.total).toEqual({ activePeople: 11, notesCreated: 3, notesEdited: 8 });
    expect(only?.activeSpaces).toBe(3);
  });
});
