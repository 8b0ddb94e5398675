/** ISO 8601 weeks and UTC days as the adoption figures key them (`2026-W49`, `2026-12-05`). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO week of `at` (epoch ms, UTC): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(at: number): string {
  const date = new Date(at);
  const day = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
}

/** The UTC day of `at`. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The ISO weeks of the `count` weeks ending with the one of `at`, oldest first. */
export function lastWeeks(at: number, count: number): string[] {
  const weeks: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) weeks.push(isoWeek(at - i * 7 * DAY_MS));
  return weeks;
}
