import { afterEach, describe, expect, it } from 'vitest';
import {
  IcsError,
  MAX_ICS_ATTENDEES,
  parseIcsInvite,
  type IcsErrorCode,
} from '../../../shared/meeting/index.ts';
import { i18n } from '../../i18n/index.ts';
import { de } from '../../i18n/catalogue/de.ts';
import { icsErrorText, icsWarningText, readIcsFile } from './ics-file.ts';

// The parser in shared/ explains itself in English; these check that people
// get its refusals and warnings in the UI language, and that the warnings'
// wording in shared/ still matches what the renderer recognises.

afterEach(async () => {
  await i18n.changeLanguage('en');
});

function ics(eventLines: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Test//EN',
    'BEGIN:VEVENT',
    'UID:evt-1@example.com',
    ...eventLines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const noDirectory = () => Promise.resolve([]);

describe('invitation messages in German', () => {
  it('says why a file was refused, one sentence per refusal code', async () => {
    await i18n.changeLanguage('de');
    const codes: IcsErrorCode[] = ['too-large', 'not-utf8', 'malformed', 'no-event', 'bad-date'];
    const texts = codes.map((code) => icsErrorText(new IcsError(code, 'English detail')));
    expect(texts).toEqual([
      de.meeting.ics.tooLarge,
      de.meeting.ics.notUtf8,
      de.meeting.ics.malformed,
      de.meeting.ics.noEvent,
      de.meeting.ics.badDate,
    ]);
  });

  it('keeps the message of an error that is not the parser’s', async () => {
    await i18n.changeLanguage('de');
    expect(icsErrorText(new Error('Die Vorlage ist beschädigt.'))).toBe(
      'Die Vorlage ist beschädigt.',
    );
  });

  it('refuses a file the parser cannot read with the German sentence', async () => {
    await i18n.changeLanguage('de');
    const error = await readIcsFile(new Blob(['not a calendar']), noDirectory).catch(
      (e: unknown) => e,
    );
    expect(icsErrorText(error)).toBe(de.meeting.ics.malformed);
  });

  it('translates the parser’s unknown-time-zone warning, keeping the zone names', async () => {
    const invite = parseIcsInvite(ics(['DTSTART;TZID=Mars/Olympus:20260701T100000']), {
      timeZone: 'UTC',
    });
    expect(invite.warnings).toHaveLength(1);
    await i18n.changeLanguage('de');
    expect(invite.warnings.map(icsWarningText)).toEqual([
      'Unbekannte Zeitzone „Mars/Olympus“: der Beginn wurde in der Zeitzone UTC gelesen.',
    ]);
  });

  it('translates the too-many-attendees warning of a file read through readIcsFile', async () => {
    await i18n.changeLanguage('de');
    const many = Array.from(
      { length: MAX_ICS_ATTENDEES + 2 },
      (_, i) => `ATTENDEE:mailto:p${String(i)}@example.com`,
    );
    const { warnings } = await readIcsFile(
      new Blob([ics(['DTSTART:20260303T090000Z', 'STATUS:CANCELLED', ...many])]),
      noDirectory,
    );
    expect(warnings).toEqual([
      de.meeting.cancelled,
      `Nur die ersten ${String(MAX_ICS_ATTENDEES)} Teilnehmenden wurden übernommen.`,
    ]);
  });

  it('shows a warning it does not know as the parser wrote it', () => {
    expect(icsWarningText('something new to check')).toBe('something new to check');
  });
});
