import { useContext, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { fragmentToJson, jsonToMarkdown } from '../../../shared/markdown/index.ts';
import type { RoomName } from '../../../shared/wire.ts';
import { AppServicesContext } from '../../services/index.ts';
import { newPageId, useSpaceIndex } from '../tree/index.ts';
import { SaveTemplateForm } from '../templates/index.ts';
import {
  downloadMarkdown,
  importedTitle,
  markdownFileName,
  readMarkdownFile,
} from './markdown-files.ts';
import type { ActionItemControls } from './action-item-controls.ts';
import { namesForExport } from './markdown-people.ts';
import { useT } from '../../i18n/index.ts';
import { Menu } from '../../ui/index.ts';

export interface NoteMenuProps {
  readonly room: RoomName;
  readonly editor: Editor;
  /** The note's body, exported as it is now. */
  readonly body: Y.XmlFragment;
  /** Opens another page of this space (the imported note); without it, no import. */
  readonly onOpenPage?: ((docId: string) => void) | undefined;
  /** Opens the note's version history beside it. */
  readonly onShowHistory?: (() => void) | undefined;
  /** Names of people and the directory, so exported files name people and imported names resolve. */
  readonly people?: Pick<ActionItemControls, 'nameOf' | 'search'> | undefined;
}

/**
 * The note's actions: "Export as Markdown" downloads this
 * note; "Import Markdown…" makes a new page at the top level of this
 * space's tree (through the space index, so it works offline) holding the
 * file's content, then opens it.
 */
export function NoteMenu({ room, editor, body, onOpenPage, onShowHistory, people }: NoteMenuProps) {
  const services = useContext(AppServicesContext);
  const { index, tree, readOnlyReason } = useSpaceIndex(room.spaceId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const title = tree.get(room.docId)?.title ?? '';
  const t = useT();

  const exportNote = async () => {
    // Read now, so the file is the note as it was when asked for.
    const json = fragmentToJson(body);
    const nameOf = await namesForExport(
      json,
      (id) => people?.nameOf(id) ?? null,
      people?.search ?? null,
    );
    downloadMarkdown(document, markdownFileName(title), jsonToMarkdown(json, { nameOf }));
  };

  const importFile = async (file: File) => {
    if (services === null || onOpenPage === undefined) return;
    try {
      const json = await readMarkdownFile(file, editor.schema, people?.search ?? null);
      const id = newPageId();
      index.create({ id, title: importedTitle(json, file.name), parentId: null });
      const handle = services.registry.open(
        { spaceId: room.spaceId, docId: id },
        { created: true },
      );
      const release = services.registry.retain(handle);
      prosemirrorJSONToYXmlFragment(editor.schema, json, handle.body);
      setMessage(null);
      onOpenPage(id);
      // The opened note's editor retains the doc now; the registry closes
      // a released doc only after an idle delay.
      release();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="note-menu">
      <Menu
        label={t('noteMenu.label')}
        items={[
          { label: t('noteMenu.export'), onSelect: () => void exportNote() },
          ...(onOpenPage !== undefined && readOnlyReason === null
            ? [{ label: t('noteMenu.import'), onSelect: () => fileInput.current?.click() }]
            : []),
          ...(readOnlyReason === null
            ? [
                {
                  label: t('noteMenu.saveTemplate'),
                  onSelect: () => {
                    setNotice(null);
                    setSavingTemplate(true);
                  },
                },
              ]
            : []),
          ...(onShowHistory !== undefined
            ? [{ label: t('noteMenu.history'), onSelect: onShowHistory }]
            : []),
        ]}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".md,.markdown,.txt,text/markdown,text/plain"
        hidden
        aria-label={t('noteMenu.importFile')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void importFile(file);
        }}
      />
      {savingTemplate && (
        <SaveTemplateForm
          spaceId={room.spaceId}
          defaultName={title}
          content={() => editor.getJSON()}
          onDone={(done) => {
            setSavingTemplate(false);
            setNotice(done);
          }}
        />
      )}
      {notice !== null && (
        <p className="note-menu__notice" role="status">
          {notice}
        </p>
      )}
      {message !== null && (
        <p className="note-menu__error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
