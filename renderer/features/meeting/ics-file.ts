import type { Person } from '../../../shared/api.ts';
import {
  IcsError,
  MAX_ICS_BYTES,
  meetingFromInvite,
  parseIcsInvite,
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
    throw new IcsError('too-large', 'This invitation file is too large (over 1 MiB).');
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const first = parseIcsInvite(bytes);
  const directory = await lookUpPeople(first, searchDirectory);
  const invite = directory.length === 0 ? first : parseIcsInvite(bytes, { directory });
  const warnings = [...invite.warnings];
  if (invite.cancelled) warnings.unshift('This invitation says the meeting was cancelled.');
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
