import { describe, expect, it } from 'vitest';
import type { Person } from '../api.ts';
import { IcsError } from './errors.ts';
import { MAX_ICS_ATTENDEES, MAX_ICS_BYTES, meetingFromInvite, parseIcsInvite } from './ics.ts';
import { meetingNoteTemplate } from './template.ts';
import { zonedTimeToUtc } from './zoned-time.ts';

/** An .ics file with CRLF line ends around the given VEVENT lines. */
function ics(eventLines: string[], extra: string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Test//EN',
    ...extra,
    'BEGIN:VEVENT',
    'UID:evt-1@example.com',
    ...eventLines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const directory: Person[] = [
  { id: 'u-ann', name: 'Ann Lee', email: 'Ann@Example.com' },
  { id: 'u-bob', name: 'Bob Stone', email: 'bob@example.com' },
];

function refusal(run: () => unknown): IcsError {
  try {
    run();
  } catch (error) {
    if (error instanceof IcsError) return error;
    throw error;
  }
  throw new Error('expected an IcsError');
}

describe('parseIcsInvite', () => {
  it('reads title, zoned times, organizer and attendees, mapped to the directory', () => {
    const invite = parseIcsInvite(
      ics([
        'SUMMARY:Quarterly planning',
        'DTSTART;TZID=Europe/Berlin:20260303T100000',
        'DTEND;TZID=Europe/Berlin:20260303T113000',
        'LOCATION:Room 4',
        'ORGANIZER;CN="Ann Lee":mailto:ann@example.com',
        'ATTENDEE;CN=Ann Lee;PARTSTAT=ACCEPTED:mailto:ann@example.com',
        'ATTENDEE;CN="Stone, Bob";PARTSTAT=NEEDS-ACTION:MAILTO:BOB@EXAMPLE.COM',
        'ATTENDEE;CN=Guest:mailto:guest@other.org',
        'ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.com',
      ]),
      { directory },
    );
    expect(invite).toMatchObject({
      uid: 'evt-1@example.com',
      title: 'Quarterly planning',
      start: '2026-03-03T09:00:00.000Z',
      end: '2026-03-03T10:30:00.000Z',
      allDay: false,
      timeZone: 'Europe/Berlin',
      location: 'Room 4',
      cancelled: false,
      warnings: [],
    });
    expect(invite.organizer).toEqual({
      email: 'ann@example.com',
      name: 'Ann Lee',
      person: directory[0],
      status: null,
    });
    // The organizer is not repeated; the room is not a person.
    expect(invite.attendees).toEqual([
      {
        email: 'bob@example.com',
        name: 'Stone, Bob',
        person: directory[1],
        status: 'NEEDS-ACTION',
      },
      { email: 'guest@other.org', name: 'Guest', person: null, status: null },
    ]);
  });

  it('unfolds folded lines, including LF-only files', () => {
    const text = ics([
      'SUMMARY:Architecture review of the relay pipeline and its stor',
      ' age stages',
      'DTSTART:20260303T090000Z',
      'ATTENDEE;CN="Bob',
      '  Stone":mailto:bob@exa',
      ' mple.com',
    ]).replaceAll('\r\n', '\n');
    const invite = parseIcsInvite(text, { directory });
    expect(invite.title).toBe('Architecture review of the relay pipeline and its storage stages');
    expect(invite.attendees[0]?.person?.id).toBe('u-bob');
    expect(invite.attendees[0]?.name).toBe('Bob Stone');
  });

  it('reads UTC, floating and all-day times, and DURATION', () => {
    const utc = parseIcsInvite(ics(['DTSTART:20260303T090000Z', 'DURATION:PT45M']));
    expect([utc.start, utc.end, utc.timeZone]).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-03T09:45:00.000Z',
      null,
    ]);
    const floating = parseIcsInvite(ics(['DTSTART:20260703T090000']), {
      timeZone: 'America/New_York',
    });
    expect(floating.start).toBe('2026-07-03T13:00:00.000Z');
    expect(floating.end).toBe(floating.start);
    const allDay = parseIcsInvite(ics(['DTSTART;VALUE=DATE:20260303']), { timeZone: 'UTC' });
    expect(allDay).toMatchObject({
      allDay: true,
      start: '2026-03-03T00:00:00.000Z',
      end: '2026-03-04T00:00:00.000Z',
    });
  });

  it('uses the file’s VTIMEZONE for a non-IANA TZID and warns about an undefined one', () => {
    const vtimezone = [
      'BEGIN:VTIMEZONE',
      'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ];
    const outlook = parseIcsInvite(
      ics(['DTSTART;TZID=W. Europe Standard Time:20260701T100000'], vtimezone),
    );
    expect(outlook.start).toBe('2026-07-01T08:00:00.000Z');
    expect(outlook.warnings).toEqual([]);

    const unknown = parseIcsInvite(ics(['DTSTART;TZID=Mars/Olympus:20260701T100000']), {
      timeZone: 'UTC',
    });
    expect(unknown.start).toBe('2026-07-01T10:00:00.000Z');
    expect(unknown.warnings).toEqual([
      'unknown time zone "Mars/Olympus": DTSTART was read as UTC time',
    ]);
  });

  it('picks the series master over an override, and notices cancellations', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'METHOD:CANCEL',
      'BEGIN:VEVENT',
      'UID:s',
      'RECURRENCE-ID:20260310T090000Z',
      'SUMMARY:Moved occurrence',
      'DTSTART:20260310T100000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:s',
      'SUMMARY:Weekly',
      'DTSTART:20260303T090000Z',
      'RRULE:FREQ=WEEKLY',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(parseIcsInvite(text)).toMatchObject({ title: 'Weekly', cancelled: true });
  });

  it('strips control characters and caps the title', () => {
    const invite = parseIcsInvite(
      ics([`SUMMARY:Evil\\n\u0007title ${'x'.repeat(1000)}`, 'DTSTART:20260303T090000Z']),
    );
    expect(invite.title.startsWith('Evil title x')).toBe(true);
    expect(invite.title).toHaveLength(500);
  });

  it('keeps at most MAX_ICS_ATTENDEES attendees, with a warning', () => {
    const many = Array.from(
      { length: MAX_ICS_ATTENDEES + 5 },
      (_, i) => `ATTENDEE:mailto:p${i}@example.com`,
    );
    const invite = parseIcsInvite(ics(['DTSTART:20260303T090000Z', ...many]));
    expect(invite.attendees).toHaveLength(MAX_ICS_ATTENDEES);
    expect(invite.warnings).toHaveLength(1);
  });

  it('becomes a meeting note template with directory people as mentions', () => {
    const invite = parseIcsInvite(
      ics([
        'SUMMARY:Sync',
        'DTSTART:20260303T090000Z',
        'DTEND:20260303T093000Z',
        'ORGANIZER;CN=Ann:mailto:ann@example.com',
        'ATTENDEE;CN=Guest:mailto:guest@other.org',
      ]),
      { directory: (email) => directory.find((p) => p.email?.toLowerCase() === email) },
    );
    const input = meetingFromInvite(invite);
    expect(input.attendees).toEqual([
      { id: 'u-ann', name: 'Ann Lee', email: 'Ann@Example.com' },
      { name: 'Guest', email: 'guest@other.org' },
    ]);
    const json = JSON.stringify(
      meetingNoteTemplate({ ...input, locale: 'en-GB', newId: () => 'a' }),
    );
    expect(json).toContain('"text":"Sync"');
    expect(json).toContain('{"type":"mention","attrs":{"id":"u-ann","label":"Ann Lee"}}');
    expect(json).toContain('Guest <guest@other.org>');
  });
});

describe('parseIcsInvite refuses hostile input', () => {
  it('without a VEVENT', () => {
    const text =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nEND:VCALENDAR\r\n';
    expect(refusal(() => parseIcsInvite(text)).code).toBe('no-event');
  });

  it('that is too large, as text or bytes, before parsing it', () => {
    const big = ics([`DESCRIPTION:${'a'.repeat(MAX_ICS_BYTES)}`, 'DTSTART:20260303T090000Z']);
    const error = refusal(() => parseIcsInvite(big));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/1024 KiB/);
    expect(refusal(() => parseIcsInvite(new Uint8Array(MAX_ICS_BYTES + 1))).code).toBe('too-large');
  });

  it.each([
    ['a month 13', 'DTSTART:20261340T090000Z'],
    ['30 February', 'DTSTART:20260230T090000Z'],
    ['hour 25', 'DTSTART:20260303T250000Z'],
    ['letters', 'DTSTART:2026XXXXT100000Z'],
    ['year 9999', 'DTSTART:99990303T090000Z'],
  ])('with a bad date (%s)', (_name, line) => {
    const error = refusal(() => parseIcsInvite(ics([line])));
    expect(error.code).toMatch(/bad-date|malformed/);
    expect(error.message).toMatch(/DTSTART|date/);
  });

  it('without a start, or ending before it starts', () => {
    expect(refusal(() => parseIcsInvite(ics(['SUMMARY:x']))).message).toMatch(/no start time/);
    const backwards = ics(['DTSTART:20260303T100000Z', 'DTEND:20260303T090000Z']);
    expect(refusal(() => parseIcsInvite(backwards)).message).toMatch(/ends .* before it starts/);
  });

  it('with bytes that are not UTF-8', () => {
    const utf8 = new TextEncoder().encode(ics(['SUMMARY:Caf\u00e9', 'DTSTART:20260303T090000Z']));
    expect(parseIcsInvite(utf8).title).toBe('Café');
    // The same text in Latin-1: é is the lone byte 0xE9.
    const latin1 = Uint8Array.from(ics(['SUMMARY:Caf\u00e9', 'DTSTART:20260303T090000Z']), (c) =>
      c.charCodeAt(0),
    );
    const error = refusal(() => parseIcsInvite(latin1));
    expect(error.code).toBe('not-utf8');
    expect(error.message).toMatch(/not UTF-8/);
  });

  it.each([
    ['plain text', 'hello world'],
    ['an unclosed calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260303T090000Z\r\n'],
    ['a line without a colon', 'BEGIN:VCALENDAR\r\ngarbage\r\nEND:VCALENDAR\r\n'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nEND:VCARD\r\n'],
    ['an empty file', ''],
  ])('that is malformed (%s)', (_name, text) => {
    const error = refusal(() => parseIcsInvite(text));
    expect(error.code).toBe('malformed');
    expect(error.message.length).toBeGreaterThan(10);
  });
});

describe('zonedTimeToUtc', () => {
  const wall = (day: number, hour: number, minute = 0) => ({
    year: 2026,
    month: 3,
    day,
    hour,
    minute,
    second: 0,
  });
  it('handles offsets, the spring-forward gap and the fall-back overlap (RFC 5545 §3.3.5)', () => {
    expect(new Date(zonedTimeToUtc(wall(3, 10), 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-03T09:00:00.000Z',
    );
    // 29 March 2026, 02:30 does not exist in Berlin: read with the offset before (+01:00).
    expect(new Date(zonedTimeToUtc(wall(29, 2, 30), 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 25 October 2026, 02:30 happens twice: the first (+02:00) is taken.
    expect(
      new Date(zonedTimeToUtc({ ...wall(25, 2, 30), month: 10 }, 'Europe/Berlin')).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });
});
