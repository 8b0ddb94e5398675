/**
 * The one place dates and numbers become text: Intl formatters for the UI
 * language, so every view says "5 minutes ago" / "7 Dec 2026, 14:05" the same
 * way and a German UI says "vor 5 Minuten" / "7. Dez. 2026, 14:05".
 */

type DateStyle = 'date' | 'dateTime' | 'time' | 'weekdayDate';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  weekdayDate: { weekday: 'short', day: 'numeric', month: 'short' },
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, DATE_OPTIONS[style]);
    dateFormats.set(key, format);
  }
  return format;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

export function formatDate(value: Date | number, locale: string, style: DateStyle = 'dateTime') {
  return dateFormat(locale, style).format(value);
}

export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 minutes ago", "in 3 hours", "yesterday"; beyond a week the
 * absolute date, since "34 days ago" makes people count.
 */
export function formatRelative(value: Date | number, now: number, locale: string): string {
  const at = typeof value === 'number' ? value : value.getTime();
  const diff = at - now;
  const size = Math.abs(diff);
  const rtf = relativeFormat(locale);
  if (size < MINUTE) return rtf.format(0, 'second');
  if (size < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  if (size < 7 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
  return formatDate(at, locale, 'date');
}

/** A calendar day as YYYY-MM-DD (due dates), read in local time, or null. */
export function parseDay(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(day.getTime()) ? null : day;
}

function startOfDay(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * A calendar day: "today", "tomorrow", "yesterday", else "Mon, 7 Dec" (with
 * the year when it is not this year). Unparseable input is shown as given.
 */
export function formatDay(iso: string, now: number, locale: string): string {
  const day = parseDay(iso);
  if (!day) return iso;
  const days = Math.round((day.getTime() - startOfDay(now)) / DAY);
  if (Math.abs(days) <= 1) return relativeFormat(locale).format(days, 'day');
  if (day.getFullYear() !== new Date(now).getFullYear()) return formatDate(day, locale, 'date');
  return formatDate(day, locale, 'weekdayDate');
}
