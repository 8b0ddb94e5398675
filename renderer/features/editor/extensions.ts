import { t } from '../../i18n/index.ts';
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TaskList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import Mention from '@tiptap/extension-mention';
import { Placeholder } from '@tiptap/extensions';
import { ActionItem } from './action-item.ts';
import type { ActionItemControls } from './action-item-controls.ts';
import { NoteLink } from './links.ts';
import { SlashCommand } from './slash-command.ts';
import { BLOCK_COMMANDS } from './block-commands.ts';
import { imageBlockCommand } from './image-command.ts';
import type { SlashMenuStore } from './slash-menu-store.ts';
import { mentionSuggestion, type MentionMenus } from './mention-suggestion.ts';
import { NoteImage, type NoteImageOptions } from '../images/index.ts';

/**
 * The note schema and its editing behaviour, without Collaboration (the
 * editor adds it; tests build the schema with `getSchema(noteExtensions())`).
 * Node names are StarterKit's, so notes stored before stay valid; `taskList`,
 * `taskItem` (with `id`, `assignee`, `due`) and `mention` are what
 * shared/meeting/README.md asks of the editor; `table`, `tableRow`,
 * `tableHeader`, `tableCell` are TipTap's. shared/markdown converts exactly
 * these nodes.
 */
export function noteExtensions(
  options: {
    slashMenu?: SlashMenuStore;
    actionItems?: ActionItemControls;
    mentions?: MentionMenus | undefined;
    images?: NoteImageOptions;
  } = {},
): Extensions {
  return [
    // Yjs brings its own undo manager (y-prosemirror's yUndoPlugin), which
    // only undoes this person's changes; ProseMirror's history would undo others'.
    StarterKit.configure({ undoRedo: false, link: false }),
    NoteLink,
    TaskList,
    // Assignee and due-date controls only where there is someone to click them.
    options.actionItems === undefined
      ? ActionItem
      : ActionItem.configure({ controls: options.actionItems }),
    // No column resizing: its widths would be written as style attributes,
    // which the CSP refuses; the table view sizes columns through CSSOM.
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    // The node meeting notes use for attendees; choosing people with `@`
    // comes with comments and mentions.
    Mention.configure({
      HTMLAttributes: { class: 'mention' },
      renderText: ({ node }) => `@${String(node.attrs['label'] ?? node.attrs['id'] ?? '')}`,
      // `@` offers people from the directory (mention-suggestion.ts).
      suggestion: options.mentions ? mentionSuggestion(options.mentions) : {},
    }),
    Placeholder.configure({ placeholder: () => t('editor.placeholder') }),
    SlashCommand.configure({
      store: options.slashMenu ?? null,
      // "Image" opens a file chooser; shown only where images can be added.
      commands:
        options.images === undefined
          ? BLOCK_COMMANDS
          : [...BLOCK_COMMANDS, imageBlockCommand(options.images)],
    }),
    // `image`: a file id of the note's space; paste and drop upload.
    options.images === undefined ? NoteImage : NoteImage.configure(options.images),
  ];
}
