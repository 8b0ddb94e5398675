import type { Person } from '../../../shared/api.ts';
import { t } from '../../i18n/index.ts';
import {
  IcsError,
  MAX_ICS_BYTES,
  MAX_ICS_ATTENDEES,
  meetingFromInvite,
  parseIcsInvite,
  type IcsErrorCode,
  type IcsInvite,
  type MeetingTemplateInput,
} from '../../../shared/meeting/index.ts';

/** How many invitation emails are looked up in the directory (one request each). */
export const MAX_DIRECTORY_LOOKUPS = 50;

export interface InvitePrefill {
  readonly input: MeetingTemplateInput;
  /** Things to check (guessed time zone, cancelled meeting…), for people. */
  readonly warnings: readonly string[];
}

/**
 * Reads a chosen or dropped `.ics` file into the meeting form's fields
 *. Attendees whose email is in the directory become
 * directory people (so they get mentions); the others stay name + email.
 * @throws IcsError with a message fit to show; nothing is created.
 */
export async function readIcsFile(
  file: Blob,
  searchDirectory: (q: string) => Promise<Person[]>,
): Promise<InvitePrefill> {
  // Checked before reading: a huge file is never loaded into memory.
  if (file.size > MAX_ICS_BYTES) {
    throw new IcsError('too-large', t('meeting.ics.tooLarge'));
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const first = parseIcsInvite(bytes);
  const directory = await lookUpPeople(first, searchDirectory);
  const invite = directory.length === 0 ? first : parseIcsInvite(bytes, { directory });
  const warnings = invite.warnings.map(icsWarningText);
  if (invite.cancelled) warnings.unshift(t('meeting.cancelled'));
  return { input: meetingFromInvite(invite), warnings };
}

async function lookUpPeople(
  invite: IcsInvite,
  searchDirectory: (q: string) => Promise<Person[]>,
): Promise<Person[]> {
  const people = [...(invite.organizer === null ? [] : [invite.organizer]), ...invite.attendees];
  const emails = people
    .map((p) => p.email)
    .filter((email): email is string => email !== null)
    .slice(0, MAX_DIRECTORY_LOOKUPS);
  const found = await Promise.all(
    emails.map(async (email) => {
      try {
        return (await searchDirectory(email)).filter(
          (person) => person.email?.toLowerCase() === email.toLowerCase(),
        );
      } catch {
        // Offline or refused: the attendee keeps name and email, nothing is lost.
        return [];
      }
    }),
  );
  return found.flat();
}

const ICS_ERROR_KEYS = {
  'too-large': 'meeting.ics.tooLarge',
  'not-utf8': 'meeting.ics.notUtf8',
  malformed: 'meeting.ics.malformed',
  'no-event': 'meeting.ics.noEvent',
  'bad-date': 'meeting.ics.badDate',
} as const satisfies Record<IcsErrorCode, string>;

/**
 * Why an invitation file was refused, for people in the UI language. The
 * parser (shared/) explains in English for logs; people get the sentence
 * for its code. Other errors (a template the schema refuses…) keep their
 * message, which the app already writes in the UI language.
 */
export function icsErrorText(error: unknown): string {
  if (error instanceof IcsError) return t(ICS_ERROR_KEYS[error.code]);
  return error instanceof Error ? error.message : String(error);
}

/** The parser's warnings (shared/meeting/ics.ts writes them in English), as the UI says them. */
const TOO_MANY_ATTENDEES = `only the first ${String(MAX_ICS_ATTENDEES)} attendees were kept`;
const UNKNOWN_ZONE = /^unknown time zone "(.*)": (DTSTART|DTEND) was read as (.+) time$/s;

/**
 * One parser warning in the UI language; a warning this does not know is
 * shown as the parser wrote it rather than dropped, since it asks the
 * person to check something.
 */
export function icsWarningText(warning: string): string {
  if (warning === TOO_MANY_ATTENDEES) {
    return t('meeting.tooManyAttendees', { count: MAX_ICS_ATTENDEES });
  }
  const zone = UNKNOWN_ZONE.exec(warning);
  if (zone !== null) {
    return t('meeting.unknownZone', {
      zone: zone[1] ?? '',
      which: t(zone[2] === 'DTSTART' ? 'meeting.startTime' : 'meeting.endTime'),
      local: zone[3] ?? '',
    });
  }
  return warning;
}
