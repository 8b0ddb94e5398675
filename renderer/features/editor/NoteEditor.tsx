import { useEffect, useMemo, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { RoomName } from '../../../shared/wire.ts';
import type { Identity } from '../../identity/index.ts';
import { useAppStore, useDocHandle } from '../../services/index.ts';
import { selectCanEdit, selectReadOnlyReason, selectRoom } from '../../store/index.ts';
import { noteCarets } from './caret-extension.ts';
import { noteCollaboration } from './collaboration.ts';
import { noteExtensions } from './extensions.ts';
import { NoteMenu } from './NoteMenu.tsx';
import { SlashMenu } from './SlashMenu.tsx';
import { ActionItemPopover } from './ActionItemPopover.tsx';
import { createActionItemControls, type PeopleSearch } from './action-item-controls.ts';
import { createSlashMenuStore } from './slash-menu-store.ts';
import { refusalMessage } from './refusal.ts';
import { MentionMenu } from './mention-menu.tsx';
import { createMentionMenuStore } from './mention-menu-store.ts';
import { CommentsPanel } from '../comments/index.ts';
import { useImageSupport } from '../images/index.ts';
import { HistoryPanel } from '../history/index.ts';
import {
  ClassificationBanner,
  copyGuardHandlers,
  useClassificationService,
} from '../classification/index.ts';
import './editor.css';
import './prosemirror.css';
import './blocks.css';
import { t as translate, useT } from '../../i18n/index.ts';

export interface NoteEditorProps {
  readonly room: RoomName;
  readonly identity: Identity;
  /** Opens another page of the space (e.g. a note just imported from Markdown). */
  readonly onOpenPage?: ((docId: string) => void) | undefined;
  /** The people directory, for assigning action items. */
  readonly directory?: { searchDirectory: PeopleSearch } | undefined;
}

/**
 * The note's body, bound to its Y.Doc. Read-only until the first sync with
 * the relay has completed: before that the local doc may
 * be empty, and typing into it would merge a stray paragraph into, or
 * duplicate, the real note. Read-only for good, with the reason shown, for a
 * viewer.
 */
export function NoteEditor({ room, identity, onOpenPage, directory }: NoteEditorProps) {
  const handle = useDocHandle(room);
  const canEdit = useAppStore(selectCanEdit(handle.key));
  const readOnly = useAppStore(selectReadOnlyReason(handle.key));
  const { firstSyncDone, closed } = useAppStore(selectRoom(handle.key));
  const { name, color } = identity;
  const t = useT();
  const slashMenu = useMemo(() => createSlashMenuStore(), []);
  const [historyOpen, setHistoryOpen] = useState(false);
  const images = useImageSupport(room.spaceId);
  const actionItems = useMemo(
    () => createActionItemControls(directory ? (q) => directory.searchDirectory(q) : null),
    [directory],
  );
  const mentionMenu = useMemo(() => createMentionMenuStore(), []);
  // Read at each copy, so a label changed while the note is open applies at once.
  const classification = useClassificationService();
  const copyGuard = useMemo(
    () => copyGuardHandlers(() => classification?.copyAllowed(room.spaceId) ?? true),
    [classification, room.spaceId],
  );
  const mentions = useMemo(
    () =>
      directory
        ? { store: mentionMenu, searchPeople: (q: string) => directory.searchDirectory(q) }
        : undefined,
    [directory, mentionMenu],
  );

  const editor = useEditor(
    {
      extensions: [
        ...noteExtensions({ slashMenu, actionItems, mentions, images: images.options }),
        noteCollaboration(handle.body),
        noteCarets(handle.provider.awareness, { name, color }),
      ],
      editable: false,
      // TipTap would inject a <style> element, which a strict CSP refuses;
      // the same rules live in styles.css.
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        handleDOMEvents: copyGuard,
        // A function, read on every view update, so the name follows a language switch.
        attributes: () => ({
          class: 'note-editor__content',
          'aria-label': translate('editor.label'),
          spellcheck: 'true',
        }),
      },
    },
    [handle, name, color, slashMenu, actionItems, mentions, images.options, copyGuard],
  );

  useEffect(() => {
    editor.setEditable(canEdit);
  }, [editor, canEdit]);

  useEffect(() => {
    // Recomputes the attributes above in the new language.
    if (!editor.isDestroyed) editor.view.setProps({});
  }, [editor, t]);

  return (
    <section className="note-editor" data-editable={canEdit} aria-busy={!firstSyncDone}>
      <ClassificationBanner spaceId={room.spaceId} />
      {closed !== null ? (
        <p className="note-editor__refused" role="alert">
          {refusalMessage(closed.code, closed.reason)}
        </p>
      ) : (
        !firstSyncDone && (
          <p className="note-editor__notice" role="status">
            {t('editor.loading')}
          </p>
        )
      )}
      {readOnly !== null && (
        <p className="read-only-banner" role="note">
          {readOnly}
        </p>
      )}
      <div className="note-editor__toolbar">
        <NoteMenu
          room={room}
          editor={editor}
          body={handle.body}
          people={actionItems}
          onOpenPage={onOpenPage}
          onShowHistory={() => {
            setHistoryOpen(true);
          }}
        />
      </div>
      {historyOpen && (
        <HistoryPanel
          room={room}
          editor={editor}
          viewExtensions={noteExtensions}
          onClose={() => {
            setHistoryOpen(false);
          }}
        />
      )}
      {images.notice}
      <div className="note-editor__columns">
        <EditorContent editor={editor} />
        <CommentsPanel
          editor={editor}
          doc={handle.doc}
          me={{ sub: identity.id, name }}
          canEdit={canEdit}
          readOnlyReason={readOnly}
          searchPeople={mentions?.searchPeople ?? null}
        />
      </div>
      <MentionMenu store={mentionMenu} editor={editor} />
      <SlashMenu store={slashMenu} editor={editor} />
      <ActionItemPopover controls={actionItems} editor={editor} />
    </section>
  );
}
