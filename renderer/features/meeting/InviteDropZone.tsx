import { useCallback, useContext, useEffect, useState } from 'react';
import type { Person } from '../../../shared/api.ts';
import { AppServicesContext } from '../../services/index.ts';
import { useSpaceIndex } from '../tree/index.ts';
import { createMeetingNote } from './create-meeting.ts';
import { t as translate, useT } from '../../i18n/index.ts';
import { icsErrorText, readIcsFile, type InvitePrefill } from './ics-file.ts';
import { carriesFiles, isInviteFile, isOwnedElsewhere } from './invite-drop.ts';
import { NewMeetingDialog } from './NewMeetingDialog.tsx';
import './meeting-extras.css';

export interface InviteDropZoneProps {
  readonly spaceId: string;
  readonly directory: { searchDirectory(q: string): Promise<Person[]> };
  /** Opens the new note (a page of this space). */
  readonly onOpen: (docId: string) => void;
  /** Where the listeners go (tests); default the app window. */
  readonly target?: Window;
}

/** How long the "only invitations here" note stays up. */
const NOTE_MS = 4000;

/**
 * Dropping an `.ics` invitation anywhere on the app window
 * opens the "New meeting note" form filled in from it, as "Choose an .ics
 * file…" does. Drops into the editor (images) and into dialogs are left to
 * them. Any other file dropped elsewhere is refused with a short note, and
 * never opened by the browser (Electron's `will-navigate` blocking is the
 * second line: main/security.ts).
 */
export function InviteDropZone({ spaceId, directory, onOpen, target }: InviteDropZoneProps) {
  const t = useT();
  const services = useContext(AppServicesContext);
  const { index, readOnlyReason } = useSpaceIndex(spaceId);
  const [over, setOver] = useState(false);
  // The dropped invitation, read: the form opens with it (keyed per drop).
  const [prefill, setPrefill] = useState<{ key: number; invite: InvitePrefill } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const searchDirectory = useCallback((q: string) => directory.searchDirectory(q), [directory]);
  const canCreate = services !== null && readOnlyReason === null;

  useEffect(() => {
    const win = target ?? window;
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return;
      if (isOwnedElsewhere(event.target)) {
        setOver(false);
        return;
      }
      // Accepting the drag here is what stops the browser from opening the file.
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onLeave = (event: DragEvent) => {
      // Left the window (no element to go to), not just one element for another.
      if (event.relatedTarget === null) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      setOver(false);
      if (!carriesFiles(event) || event.defaultPrevented) return;
      // Whatever nobody took must not navigate away from the app.
      event.preventDefault();
      if (isOwnedElsewhere(event.target)) return;
      const dropped = event.dataTransfer?.files[0];
      if (dropped === undefined) return;
      if (!isInviteFile(dropped)) {
        setNote(translate('meeting.onlyInvites'));
      } else if (!canCreate) {
        setNote(readOnlyReason ?? translate('meeting.cannotCreate'));
      } else {
        setNote(null);
        // As "Choose an .ics file…" does: the form opens filled in, to check and create.
        readIcsFile(dropped, searchDirectory).then(
          (invite) => {
            setPrefill({ key: Date.now(), invite });
          },
          (e: unknown) => {
            setNote(icsErrorText(e));
          },
        );
      }
    };
    win.addEventListener('dragenter', onOver);
    win.addEventListener('dragover', onOver);
    win.addEventListener('dragleave', onLeave);
    win.addEventListener('drop', onDrop);
    return () => {
      win.removeEventListener('dragenter', onOver);
      win.removeEventListener('dragover', onOver);
      win.removeEventListener('dragleave', onLeave);
      win.removeEventListener('drop', onDrop);
    };
  }, [target, canCreate, readOnlyReason, searchDirectory]);

  useEffect(() => {
    if (note === null) return;
    const timer = setTimeout(() => {
      setNote(null);
    }, NOTE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [note]);

  return (
    <>
      {over && (
        <div className="invite-drop" role="presentation">
          <p className="invite-drop__text">
            {canCreate ? t('meeting.dropHere') : t('meeting.cannotCreateHere')}
          </p>
        </div>
      )}
      {note !== null && (
        <p className="invite-drop__note" role="status">
          {note}
        </p>
      )}
      {prefill !== null && services !== null && (
        <NewMeetingDialog
          // A new drop starts a new form.
          key={prefill.key}
          searchDirectory={searchDirectory}
          prefill={prefill.invite}
          onClose={() => {
            setPrefill(null);
          }}
          onCreate={(input) => {
            const id = createMeetingNote({ registry: services.registry, index, spaceId, input });
            setPrefill(null);
            onOpen(id);
          }}
        />
      )}
    </>
  );
}
