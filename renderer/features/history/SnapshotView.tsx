import { useMemo } from 'react';
import { getSchema, type Extensions } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { snapshotContent } from './restore.ts';

export interface SnapshotViewProps {
  readonly update: Uint8Array;
  readonly label: string;
  /** The note schema's extensions (the editor's `noteExtensions`), without Collaboration. */
  readonly extensions: () => Extensions;
}

/**
 * A past version of a note, read-only, with the note's own schema (so every
 * block shows as it did). It is built from the snapshot alone and bound to
 * nothing: nobody can edit it, and it never touches the live note.
 */
export function SnapshotView({ update, label, extensions }: SnapshotViewProps) {
  const content = useMemo(
    () => snapshotContent(update, getSchema(extensions())),
    [update, extensions],
  );
  const editor = useEditor(
    {
      extensions: extensions(),
      content,
      editable: false,
      // As in NoteEditor: TipTap's injected <style> would break the CSP.
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'history-view__content',
          // A read-only textbox: aria-readonly is allowed only with a role that takes it.
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': 'true',
        },
      },
    },
    [content, label, extensions],
  );
  return <EditorContent editor={editor} className="history-view" />;
}
