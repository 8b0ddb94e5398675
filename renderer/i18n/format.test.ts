import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatNumber, formatRelative } from './format.ts';

const NOW = new Date(2026, 11, 4, 12, 0).getTime();
const MINUTE = 60_000;

describe('one date and number formatter, by locale', () => {
  it('says recent moments relatively, in the UI language', () => {
    expect(formatRelative(NOW - 20_000, NOW, 'en')).toBe('now');
    expect(formatRelative(NOW - 5 * MINUTE, NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelative(NOW - 5 * MINUTE, NOW, 'de')).toBe('vor 5 Minuten');
    expect(formatRelative(NOW + 3 * 60 * MINUTE, NOW, 'en')).toBe('in 3 hours');
    expect(formatRelative(NOW - 24 * 60 * MINUTE, NOW, 'en')).toBe('yesterday');
  });

  it('gives the absolute date beyond a week', () => {
    const old = new Date(2026, 9, 1, 9, 30).getTime();
    expect(formatRelative(old, NOW, 'en')).toBe(formatDate(old, 'en', 'date'));
    expect(formatDate(old, 'en', 'date')).toBe('Oct 1, 2026');
    expect(formatDate(old, 'de', 'date')).toBe('01.10.2026');
  });

  it('shows due dates as days, not ISO strings', () => {
    expect(formatDay('2026-12-04', NOW, 'en')).toBe('today');
    expect(formatDay('2026-12-05', NOW, 'en')).toBe('tomorrow');
    expect(formatDay('2026-12-05', NOW, 'de')).toBe('morgen');
    expect(formatDay('2026-12-09', NOW, 'en')).toBe('Wed, Dec 9');
    expect(formatDay('2027-01-15', NOW, 'en')).toBe('Jan 15, 2027');
    expect(formatDay('not a date', NOW, 'en')).toBe('not a date');
  });

  it('groups numbers by locale', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'de')).toBe('12.345,5');
  });
});
