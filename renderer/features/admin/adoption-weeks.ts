/**
 * The relay keys adoption figures by ISO week (`2026-W49`); people read a
 * week by its Monday ("week of 30 Nov 2026"), formatted like every other date.
 */

/** Monday of ISO week `week` as a local calendar day, or null when it is not `YYYY-Www`. */
export function weekStart(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 53) return null;
  // 4 January is always in week 1 (ISO 8601); its Monday starts week 1.
  const jan4 = new Date(year, 0, 4);
  const mondayOffset = (jan4.getDay() + 6) % 7;
  return new Date(year, 0, 4 - mondayOffset + (number - 1) * 7);
}
