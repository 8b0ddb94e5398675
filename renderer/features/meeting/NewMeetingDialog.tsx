import { useRef, useState } from 'react';
import type { Attendee, MeetingTemplateInput } from '../../../shared/meeting/index.ts';
import { useT } from '../../i18n/index.ts';
import { icsErrorText, readIcsFile, type InvitePrefill } from './ics-file.ts';
import { fromLocalInput, toLocalInput } from './meeting-time.ts';
import { Dialog, Button } from '../../ui/index.ts';
import { PeoplePicker, personName, type SearchDirectory } from '../members/index.ts';

export interface NewMeetingDialogProps {
  readonly searchDirectory: SearchDirectory;
  /** Creates the note; a thrown error is shown and the form stays as it is. */
  readonly onCreate: (input: MeetingTemplateInput) => void;
  readonly onClose: () => void;
  /** The time the form starts with (tests); default now. */
  readonly now?: Date;
  /** An invitation dropped onto the app window, already read: the form starts from it. */
  readonly prefill?: InvitePrefill | undefined;
}

const DURATIONS = [15, 30, 45, 60, 90, 120] as const;

function sameAttendee(a: Attendee, b: Attendee): boolean {
  if (a.id !== undefined || b.id !== undefined) return a.id === b.id;
  return a.email !== undefined && a.email.toLowerCase() === b.email?.toLowerCase();
}

/** The form's fields from an invitation (null: keep what the form has). */
function formFromInvite(input: MeetingTemplateInput) {
  const begin = new Date(input.start);
  const length =
    input.end === undefined
      ? 0
      : Math.round((new Date(input.end).getTime() - begin.getTime()) / 60_000);
  return {
    title: input.title === '' ? null : input.title,
    start: toLocalInput(begin),
    minutes: length > 0 ? length : null,
    timeZone: input.timeZone,
    attendees: input.attendees ?? [],
  };
}

/**
 * The "New meeting note" form: title, date and time,
 * attendees from the directory; or an `.ics` invitation chosen or dropped
 * onto the form, which fills them in.
 */
export function NewMeetingDialog({
  searchDirectory,
  onCreate,
  onClose,
  now,
  prefill,
}: NewMeetingDialogProps) {
  const t = useT();
  // The title field, not the hidden file input before it nor the "Choose" button.
  const titleField = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const first = prefill === undefined ? null : formFromInvite(prefill.input);
  const [title, setTitle] = useState(first?.title ?? '');
  const [start, setStart] = useState(() => first?.start ?? toLocalInput(now ?? new Date()));
  const [minutes, setMinutes] = useState<number>(first?.minutes ?? 30);
  const [timeZone, setTimeZone] = useState<string | undefined>(first?.timeZone);
  const [attendees, setAttendees] = useState<readonly Attendee[]>(first?.attendees ?? []);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<readonly string[]>(prefill?.warnings ?? []);
  const [dropping, setDropping] = useState(false);

  const addAttendee = (person: Attendee) => {
    setAttendees((list) => (list.some((a) => sameAttendee(a, person)) ? list : [...list, person]));
  };

  const importInvite = async (file: File) => {
    try {
      const { input, warnings: notes } = await readIcsFile(file, searchDirectory);
      const form = formFromInvite(input);
      if (form.title !== null) setTitle(form.title);
      setStart(form.start);
      if (form.minutes !== null) setMinutes(form.minutes);
      setTimeZone(form.timeZone);
      setAttendees(form.attendees);
      setWarnings(notes);
      setError(null);
    } catch (e) {
      // A bad file changes nothing in the form.
      setError(icsErrorText(e));
    }
  };

  const submit = () => {
    const begin = fromLocalInput(start);
    if (begin === null) {
      setError(t('meeting.needDate'));
      return;
    }
    try {
      onCreate({
        title: title.trim(),
        start: begin,
        end: new Date(begin.getTime() + minutes * 60_000),
        timeZone,
        attendees,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const durations: readonly number[] = DURATIONS.includes(minutes as (typeof DURATIONS)[number])
    ? DURATIONS
    : [...DURATIONS, minutes].sort((a, b) => a - b);

  return (
    <Dialog
      title={t('meeting.newNote')}
      className="meeting-form"
      onClose={onClose}
      onSubmit={submit}
      initialFocus={titleField}
      bodyProps={{
        'data-dropping': dropping ? 'true' : undefined,
        onDragOver: (event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDropping(true);
        },
        onDragLeave: () => {
          setDropping(false);
        },
        onDrop: (event) => {
          const file = event.dataTransfer.files[0];
          if (file === undefined) return;
          event.preventDefault();
          setDropping(false);
          void importInvite(file);
        },
      }}
      footer={
        <>
          <Button onClick={onClose}>{t('ui.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('meeting.create')}
          </Button>
        </>
      }
    >
      <p className="sidebar__hint">
        {t('meeting.hint')}{' '}
        <Button onClick={() => fileInput.current?.click()}>{t('meeting.chooseFile')}</Button>
      </p>
      <input
        ref={fileInput}
        type="file"
        accept=".ics,text/calendar"
        hidden
        aria-label={t('meeting.file')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void importInvite(file);
        }}
      />
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="meeting-form__warnings" aria-label={t('meeting.check')}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <label className="dialog__field">
        {t('meeting.title')}
        <input
          ref={titleField}
          className="input"
          value={title}
          maxLength={200}
          placeholder={t('meeting.defaultTitle')}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
        />
      </label>
      <div className="meeting-form__when">
        <label className="dialog__field">
          {t('meeting.when')}
          <input
            className="input"
            type="datetime-local"
            value={start}
            required
            onChange={(event) => {
              setStart(event.target.value);
              // A time typed here is local time, not the invitation's zone.
              setTimeZone(undefined);
            }}
          />
        </label>
        <label className="dialog__field">
          {t('meeting.length')}
          <select
            className="input"
            value={minutes}
            onChange={(event) => {
              setMinutes(Number(event.target.value));
            }}
          >
            {durations.map((m) => (
              <option key={m} value={m}>
                {t('meeting.minutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="dialog__field">
        <span>{t('meeting.attendees')}</span>
        {attendees.length > 0 && (
          <ul className="meeting-form__people" aria-label={t('meeting.attendees')}>
            {attendees.map((a) => (
              <li key={a.id ?? a.email ?? a.name} className="meeting-form__person">
                {personName(a)}
                <Button
                  className="meeting-form__remove"
                  aria-label={t('meeting.removeAttendee', { name: personName(a) })}
                  onClick={() => {
                    setAttendees((list) => list.filter((b) => !sameAttendee(a, b)));
                  }}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        <PeoplePicker
          search={searchDirectory}
          label={t('meeting.findAttendees')}
          action={(name) => t('meeting.add', { name })}
          onPick={addAttendee}
        />
      </div>
    </Dialog>
  );
}
