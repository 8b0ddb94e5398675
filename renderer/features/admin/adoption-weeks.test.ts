import { describe, expect, it } from 'vitest';
import { weekStart } from './adoption-weeks.ts';

const day = (d: Date | null) =>
  d === null
    ? null
    : `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('weekStart', () => {
  it('gives the Monday of an ISO week, across year boundaries', () => {
    expect(day(weekStart('2026-W49'))).toBe('2026-11-30');
    // 2026 starts on a Thursday: its week 1 begins on 29 December 2025.
    expect(day(weekStart('2026-W01'))).toBe('2025-12-29');
    expect(day(weekStart('2026-W53'))).toBe('2026-12-28');
    // 2021 starts on a Friday: 1 January belongs to 2020-W53.
    expect(day(weekStart('2021-W01'))).toBe('2021-01-04');
  });

  it('refuses what is not an ISO week', () => {
    expect(weekStart('2026-49')).toBeNull();
    expect(weekStart('2026-W00')).toBeNull();
    expect(weekStart('2026-W54')).toBeNull();
  });
});
