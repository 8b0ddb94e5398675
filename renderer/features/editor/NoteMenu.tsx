import { useContext, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { fragmentToMarkdown } from '../../../shared/markdown/index.ts';
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

export interface NoteMenuProps {
  readonly room: RoomName;
  readonly editor: Editor;
  /** The note's body, exported as it is now. */
  readonly body: Y.XmlFragment;
  /** Opens another page of this space (the imported note); without it, no import. */
  readonly onOpenPage?: ((docId: string) => void) | undefined;
  /** Opens the note's version history beside it (issue 4 point 8). */
  readonly onShowHistory?: (() => void) | undefined;
}

/**
 * The note's actions (issue 4 point 9): "Export as Markdown" downloads this
 * note; "Import Markdown…" makes a new page at the top level of this
 * space's tree (through the space index, so it works offline) holding the
 * file's content, then opens it.
 */
export function NoteMenu({ room, editor, body, onOpenPage, onShowHistory }: NoteMenuProps) {
  const services = useContext(AppServicesContext);
  const { index, tree, readOnlyReason } = useSpaceIndex(room.spaceId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const title = tree.get(room.docId)?.title ?? '';

  const exportNote = () => {
    downloadMarkdown(document, markdownFileName(title), fragmentToMarkdown(body));
  };

  const importFile = async (file: File) => {
    if (services === null || onOpenPage === undefined) return;
    try {
      const json = await readMarkdownFile(file, editor.schema);
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
      <details className="note-menu__details">
        <summary className="button note-menu__summary" aria-label="Note actions">
          ⋯
        </summary>
        <div className="note-menu__items" role="group" aria-label="Note actions">
          <button type="button" className="note-menu__item" onClick={exportNote}>
            Export as Markdown
          </button>
          {onOpenPage !== undefined && readOnlyReason === null && (
            <button
              type="button"
              className="note-menu__item"
              onClick={() => fileInput.current?.click()}
            >
              Import Markdown…
            </button>
          )}
          {readOnlyReason === null && (
            <button
              type="button"
              className="note-menu__item"
              onClick={(event) => {
                event.currentTarget.closest('details')?.removeAttribute('open');
                setNotice(null);
                setSavingTemplate(true);
              }}
            >
              Save as template…
            </button>
          )}
          {onShowHistory !== undefined && (
            <button
              type="button"
              className="note-menu__item"
              onClick={(event) => {
                event.currentTarget.closest('details')?.removeAttribute('open');
                onShowHistory();
              }}
            >
              Version history
            </button>
          )}
        </div>
      </details>
      <input
        ref={fileInput}
        type="file"
        accept=".md,.markdown,.txt,text/markdown,text/plain"
        hidden
        aria-label="Markdown file to import"
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
