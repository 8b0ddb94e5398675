// .ics import: a dropped or chosen invitation becomes a
// meeting note with its title, time and attendees. ical.js (RFC 5545)
// unfolds lines, unescapes text and splits parameters; this module picks the
// event, validates what it takes from it, turns times into UTC instants, and
// maps attendees to directory people by email. Everything in the file is
// untrusted: sizes are capped before parsing, dates are checked field by
// field (ical.js would silently roll 2026-13-40 over into 2027), strings are
// stripped of control characters and shortened.
import ICAL from 'ical.js';
import type { Person } from '../api.ts';
import { IcsError } from './errors.ts';
import type { Attendee, MeetingTemplateInput } from './template.ts';
import { isKnownTimeZone, localTimeZone, zonedTimeToUtc, type WallTime } from './zoned-time.ts';

/** Largest .ics accepted. Invitations are a few KB; 1 MiB leaves room for big VTIMEZONEs. */
export const MAX_ICS_BYTES = 1024 * 1024;
/** Attendees kept; the rest are dropped with a warning. */
export const MAX_ICS_ATTENDEES = 500;
const MAX_TITLE = 500;
const MAX_LOCATION = 500;
const MAX_DESCRIPTION = 10_000;
const MAX_NAME = 256;
const MAX_EMAIL = 320;

/** Someone named in the invitation. */
export interface IcsPerson {
  /** Lower-cased address from `mailto:`, or null when there is none. */
  email: string | null;
  /** The CN parameter. */
  name: string | null;
  /** The directory person with that email, when there is one. */
  person: Person | null;
  /** PARTSTAT, e.g. ACCEPTED, when given. */
  status: string | null;
}

/** The meeting an .ics file describes. */
export interface IcsInvite {
  uid: string | null;
  /** SUMMARY, or '' when missing. */
  title: string;
  /** Start and end as ISO 8601 UTC instants. */
  start: string;
  end: string;
  allDay: boolean;
  /** The event's IANA zone when the file names one the runtime knows, else null. */
  timeZone: string | null;
  location: string | null;
  description: string | null;
  organizer: IcsPerson | null;
  /** Attendees other than the organizer, without rooms and resources, deduplicated by email. */
  attendees: IcsPerson[];
  /** STATUS:CANCELLED or METHOD:CANCEL. */
  cancelled: boolean;
  /** Things the importer had to guess, for the person to check. */
  warnings: string[];
}

export interface IcsOptions {
  /** People to match attendees against by email (case-insensitive), or a lookup. */
  directory?: readonly Person[] | ((email: string) => Person | undefined);
  /** Zone for floating times and unknown TZIDs (default: the runtime's zone). */
  timeZone?: string;
}

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/**
 * Reads the meeting out of an .ics file (bytes must be UTF-8, RFC 5545 §3.1.4).
 * Throws `IcsError` with a clear message for an oversized, non-UTF-8 or
 * malformed file, one without a VEVENT, or one with invalid dates.
 */
export function parseIcsInvite(input: string | Uint8Array, options: IcsOptions = {}): IcsInvite {
  const source = decode(input);
  const calendar = parseCalendar(source);
  const events = calendar.getAllSubcomponents('vevent');
  // A recurring series may come with overrides (RECURRENCE-ID); the master is the meeting.
  const event = events.find((e) => !e.hasProperty('recurrence-id')) ?? events[0];
  if (event === undefined) throw new IcsError('no-event', 'the file has no event (VEVENT) in it');

  const warnings: string[] = [];
  const zone = options.timeZone ?? localTimeZone();
  const start = readTime(calendar, event, 'dtstart', zone, warnings);
  if (start === null) throw new IcsError('bad-date', 'the event has no start time (DTSTART)');
  let end = readTime(calendar, event, 'dtend', zone, warnings);
  if (end === null) {
    const duration = event.getFirstPropertyValue('duration');
    const seconds = duration instanceof ICAL.Duration ? duration.toSeconds() : null;
    // RFC 5545 §3.6.1: without DTEND or DURATION a dated event lasts one day, a timed one no time.
    end = { ...start, instant: start.instant + (seconds ?? (start.allDay ? 86_400 : 0)) * 1000 };
  }
  if (!Number.isFinite(end.instant) || end.instant < start.instant) {
    throw new IcsError('bad-date', 'the event ends (DTEND) before it starts (DTSTART)');
  }

  const lookup = directoryLookup(options.directory);
  const organizerProp = event.getFirstProperty('organizer');
  const organizer = organizerProp === null ? null : readPerson(organizerProp, lookup);
  const attendees: IcsPerson[] = [];
  const seen = new Set<string>(organizer?.email === null ? [] : [organizer?.email ?? '']);
  for (const prop of event.getAllProperties('attendee')) {
    const cutype = param(prop, 'cutype')?.toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') continue;
    const person = readPerson(prop, lookup);
    if (person.email !== null) {
      if (seen.has(person.email)) continue;
      seen.add(person.email);
    } else if (person.name === null) continue;
    if (attendees.length === MAX_ICS_ATTENDEES) {
      warnings.push(`only the first ${MAX_ICS_ATTENDEES} attendees were kept`);
      break;
    }
    attendees.push(person);
  }

  const method = textProp(calendar, 'method', 32)?.toUpperCase();
  const status = textProp(event, 'status', 32)?.toUpperCase();
  return {
    uid: textProp(event, 'uid', MAX_EMAIL),
    title: textProp(event, 'summary', MAX_TITLE) ?? '',
    start: new Date(start.instant).toISOString(),
    end: new Date(end.instant).toISOString(),
    allDay: start.allDay,
    timeZone: start.timeZone,
    location: textProp(event, 'location', MAX_LOCATION),
    description: textProp(event, 'description', MAX_DESCRIPTION, true),
    organizer,
    attendees,
    cancelled: method === 'CANCEL' || status === 'CANCELLED',
    warnings,
  };
}

/**
 * The template input for a meeting note from an invitation: the organizer
 * first, then the attendees; directory people keep their id (and become
 * mentions), others are shown by name and email.
 */
export function meetingFromInvite(invite: IcsInvite): MeetingTemplateInput {
  const people = [...(invite.organizer === null ? [] : [invite.organizer]), ...invite.attendees];
  return {
    title: invite.title,
    start: invite.start,
    end: invite.end,
    allDay: invite.allDay,
    timeZone: invite.timeZone ?? undefined,
    attendees: people.map(toAttendee),
  };
}

function toAttendee(p: IcsPerson): Attendee {
  if (p.person !== null) {
    const name = p.person.name ?? p.name ?? undefined;
    return { ...p.person, ...(name === undefined ? {} : { name }) };
  }
  return {
    ...(p.name === null ? {} : { name: p.name }),
    ...(p.email === null ? {} : { email: p.email }),
  };
}

function decode(input: string | Uint8Array): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_ICS_BYTES) {
    throw new IcsError(
      'too-large',
      `the file is ${Math.ceil(size / 1024)} KiB; invitations over ${MAX_ICS_BYTES / 1024} KiB are refused`,
    );
  }
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  // TextDecoder is in every runtime we target; shared/ is compiled without DOM
  // or Node types, so it is looked up rather than named.
  const Decoder = (
    globalThis as {
      TextDecoder?: new (
        label: string,
        options: { fatal: boolean },
      ) => {
        decode(bytes: Uint8Array): string;
      };
    }
  ).TextDecoder;
  if (Decoder === undefined) throw new Error('no TextDecoder in this runtime');
  try {
    return new Decoder('utf-8', { fatal: true }).decode(input);
  } catch (error) {
    throw new IcsError('not-utf8', 'the file is not UTF-8 text, as .ics files must be', {
      cause: error,
    });
  }
}

function parseCalendar(source: string): Component {
  if (!/^\s*BEGIN:VCALENDAR/i.test(source)) {
    throw new IcsError(
      'malformed',
      'not an iCalendar file: it does not start with BEGIN:VCALENDAR',
    );
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(source);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new IcsError('malformed', `not a valid iCalendar file: ${why}`, { cause: error });
  }
  // Several top-level components parse to an array of them; the first is the calendar.
  const first: unknown = Array.isArray(jcal) && typeof jcal[0] !== 'string' ? jcal[0] : jcal;
  if (!Array.isArray(first) || first[0] !== 'vcalendar') {
    throw new IcsError('malformed', 'not an iCalendar file: no VCALENDAR');
  }
  return new ICAL.Component(first);
}

interface ReadTime {
  instant: number;
  allDay: boolean;
  timeZone: string | null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z?))?$/;

function readTime(
  calendar: Component,
  event: Component,
  name: 'dtstart' | 'dtend',
  zone: string,
  warnings: string[],
): ReadTime | null {
  const prop = event.getFirstProperty(name);
  if (prop === null) return null;
  const raw: unknown = prop.jCal[3];
  const label = name.toUpperCase();
  const match = typeof raw === 'string' ? DATE_TIME.exec(raw) : null;
  const wall = match === null ? null : wallTime(match);
  if (match === null || wall === null) {
    throw new IcsError('bad-date', `${label} is not a valid date or date-time: ${show(raw)}`);
  }
  const allDay = match[4] === undefined;
  if (match[7] === 'Z') return { instant: zonedTimeToUtc(wall, 'UTC'), allDay, timeZone: null };
  const tzid = allDay ? undefined : param(prop, 'tzid');
  if (tzid === undefined) return { instant: zonedTimeToUtc(wall, zone), allDay, timeZone: null };
  if (isKnownTimeZone(tzid)) return { instant: zonedTimeToUtc(wall, tzid), allDay, timeZone: tzid };
  // Not an IANA name (Outlook writes "W. Europe Standard Time"): use the
  // file's own VTIMEZONE definition of it, if there is one.
  const definition = calendar
    .getAllSubcomponents('vtimezone')
    .find((c) => c.getFirstPropertyValue('tzid') === tzid);
  if (definition !== undefined) {
    try {
      const timezone = new ICAL.Timezone(definition);
      const time = ICAL.Time.fromData({ ...wall, isDate: false }, timezone);
      const instant = time.toUnixTime() * 1000;
      if (Number.isFinite(instant)) return { instant, allDay, timeZone: null };
    } catch {
      // An unreadable definition: fall through to the local zone, with a warning.
    }
  }
  warnings.push(`unknown time zone "${clean(tzid, 64)}": ${label} was read as ${zone} time`);
  return { instant: zonedTimeToUtc(wall, zone), allDay, timeZone: null };
}

function wallTime(match: RegExpExecArray): WallTime | null {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
    Number(match[i] ?? 0),
  ) as [number, number, number, number, number, number];
  // A year range for meetings, not for history; keeps time zone expansion bounded.
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  // 60 is a leap second (RFC 5545 §3.3.12); it is read as the next minute.
  if (hour > 23 || minute > 59 || second > 60) return null;
  return { year, month, day, hour, minute, second };
}

function readPerson(prop: Property, lookup: (email: string) => Person | undefined): IcsPerson {
  const value: unknown = prop.getFirstValue();
  const address = typeof value === 'string' ? value.trim() : '';
  const mailto = /^mailto:(.+)$/i.exec(address)?.[1]?.trim().toLowerCase();
  const email =
    mailto !== undefined && mailto.length <= MAX_EMAIL && /^[^\s@<>]+@[^\s@<>]+$/.test(mailto)
      ? mailto
      : null;
  const cn = param(prop, 'cn');
  const name = cn === undefined ? null : clean(cn, MAX_NAME) || null;
  return {
    email,
    name,
    person: email === null ? null : (lookup(email) ?? null),
    status: param(prop, 'partstat')?.toUpperCase().slice(0, 32) ?? null,
  };
}

function directoryLookup(
  directory: IcsOptions['directory'],
): (email: string) => Person | undefined {
  if (directory === undefined) return () => undefined;
  if (typeof directory === 'function') return directory;
  const byEmail = new Map<string, Person>();
  for (const person of directory) {
    const email = person.email?.toLowerCase();
    if (email !== undefined && !byEmail.has(email)) byEmail.set(email, person);
  }
  return (email) => byEmail.get(email.toLowerCase());
}

/** A parameter as one string (ical.js gives an array for multi-valued ones). */
function param(prop: Property, name: string): string | undefined {
  const value: unknown = prop.getParameter(name);
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function textProp(
  component: Component,
  name: string,
  max: number,
  multiline = false,
): string | null {
  const value: unknown = component.getFirstPropertyValue(name);
  if (typeof value !== 'string') return null;
  const text = clean(value, max, multiline);
  return text === '' ? null : text;
}

/** Control characters out (line breaks kept only where asked), whitespace tidied, length capped. */
function clean(value: string, max: number, multiline = false): string {
  // \p{Cc}: C0 and C1 control characters and DEL.
  const stripped = multiline
    ? value.replace(/\r\n?/g, '\n').replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ' '))
    : value.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ');
  return stripped.trim().slice(0, max);
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : 'nothing';
}
