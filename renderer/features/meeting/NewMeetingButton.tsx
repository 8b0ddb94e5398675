import { useCallback, useContext, useState } from 'react';
import type { Person } from '../../../shared/api.ts';
import { AppServicesContext } from '../../services/index.ts';
import { useSpaceIndex } from '../tree/index.ts';
import { createMeetingNote } from './create-meeting.ts';
import { createNoteFromTemplate } from './create-from-template.ts';
import { NewFromTemplateDialog } from './NewFromTemplateDialog.tsx';
import { NewMeetingDialog } from './NewMeetingDialog.tsx';
import './meeting.css';
import { useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';

export interface NewMeetingButtonProps {
  readonly spaceId: string;
  /** The people directory (`GET /api/directory?q=`), e.g. the app's MembersApi. */
  readonly directory: { searchDirectory(q: string): Promise<Person[]> };
  /** Opens the new note (a page of this space). */
  readonly onOpen: (docId: string) => void;
}

/**
 * "New meeting note" and "New from template…": hidden for
 * those who may not add pages.
 */
export function NewMeetingButton({ spaceId, directory, onOpen }: NewMeetingButtonProps) {
  const t = useT();
  const services = useContext(AppServicesContext);
  const { index, readOnlyReason } = useSpaceIndex(spaceId);
  const [open, setOpen] = useState(false);
  const [choosing, setChoosing] = useState(false);
  // Stable, so the directory search runs only when the query changes.
  const searchDirectory = useCallback((q: string) => directory.searchDirectory(q), [directory]);
  if (services === null || readOnlyReason !== null) return null;
  return (
    <>
      <Button
        className="meeting-new"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('meeting.newNote')}
      </Button>
      <Button
        className="meeting-new"
        onClick={() => {
          setChoosing(true);
        }}
      >
        {t('meeting.fromTemplate')}
      </Button>
      {choosing && (
        <NewFromTemplateDialog
          spaceId={spaceId}
          onClose={() => {
            setChoosing(false);
          }}
          onMeeting={() => {
            setChoosing(false);
            setOpen(true);
          }}
          onTemplate={(template) => {
            const id = createNoteFromTemplate({
              registry: services.registry,
              index,
              spaceId,
              template,
            });
            setChoosing(false);
            onOpen(id);
          }}
        />
      )}
      {open && (
        <NewMeetingDialog
          searchDirectory={searchDirectory}
          onClose={() => {
            setOpen(false);
          }}
          onCreate={(input) => {
            const id = createMeetingNote({ registry: services.registry, index, spaceId, input });
            setOpen(false);
            onOpen(id);
          }}
        />
      )}
    </>
  );
}
