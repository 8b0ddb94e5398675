// Wall-clock time in an IANA zone → UTC instant, with the runtime's own time
// zone database (Intl), which browsers, Electron and Node keep current. The
// Temporal API would do this in one call but is not yet in Node 24 or in
// Electron 45's V8 without a flag, and a date library for one function is
// more weight than these few lines.

/** A calendar date and time of day, as written (month 1–12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA zone name (e.g. "Europe/Berlin"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The runtime's own zone (the person's local time). */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    // Throws a RangeError for an unknown zone.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size > 64) formatters.clear(); // bounded: zone names come from files
    formatters.set(timeZone, format);
  }
  return format;
}

/** How far `timeZone` is ahead of UTC at `instant` (ms). */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant (ms since the epoch) of a wall time in `timeZone`. In a
 * spring-forward gap the time is read with the offset before the change
 * (02:30 that does not exist becomes 03:30); in a fall-back overlap the
 * earlier of the two instants is taken, as RFC 5545 §3.3.5 prescribes.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Two candidates from the offsets around the wall time; the earliest that
  // maps back to the same wall time wins (the overlap rule).
  const before = naive - offsetAt(naive - 86_400_000, timeZone);
  const after = naive - offsetAt(naive + 86_400_000, timeZone);
  const candidates = [Math.min(before, after), Math.max(before, after)];
  for (const candidate of candidates) {
    if (candidate + offsetAt(candidate, timeZone) === naive) return candidate;
  }
  // In a gap: RFC 5545 §3.3.5 reads the time with the offset before the gap.
  return naive - offsetAt(naive - 86_400_000, timeZone);
}
