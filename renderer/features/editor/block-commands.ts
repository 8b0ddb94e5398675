import { t } from '../../i18n/index.ts';
import type { Editor, Range } from '@tiptap/core';

/** One entry of the slash menu: a block the person can insert or turn the line into. */
export interface BlockCommand {
  readonly id: string;
  readonly title: string;
  readonly hint: string;
  /** The Markdown shortcut that does the same, shown as a reminder. */
  readonly shortcut: string;
  readonly keywords: readonly string[];
  /** Whether the menu offers it in `editor` now (always, when absent). */
  readonly available?: (editor: Editor) => boolean;
  /** Replaces `range` (the `/query` text) with the block. */
  run(editor: Editor, range: Range): void;
}

const chain = (editor: Editor, range: Range) => editor.chain().focus().deleteRange(range);

export const BLOCK_COMMANDS: readonly BlockCommand[] = [
  {
    id: 'text',
    get title() {
      return t('blocks.text.title');
    },
    get hint() {
      return t('blocks.text.hint');
    },
    shortcut: '',
    keywords: ['paragraph', 'plain'],
    run: (e, r) => chain(e, r).setParagraph().run(),
  },
  ...([1, 2, 3] as const).map((level): BlockCommand => ({
    id: `heading${String(level)}`,
    // Getters: read when the menu shows, so they follow a language switch.
    get title() {
      return t('blocks.heading.title', { level });
    },
    get hint() {
      return t(`blocks.heading.hint${String(level) as '1' | '2' | '3'}`);
    },
    shortcut: `${'#'.repeat(level)} `,
    keywords: ['heading', 'title', `h${String(level)}`],
    run: (e, r) => chain(e, r).setHeading({ level }).run(),
  })),
  {
    id: 'bulletList',
    get title() {
      return t('blocks.bulletList.title');
    },
    get hint() {
      return t('blocks.bulletList.hint');
    },
    shortcut: '- ',
    keywords: ['bullet', 'unordered', 'ul', 'list'],
    run: (e, r) => chain(e, r).toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    get title() {
      return t('blocks.orderedList.title');
    },
    get hint() {
      return t('blocks.orderedList.hint');
    },
    shortcut: '1. ',
    keywords: ['ordered', 'numbered', 'ol', 'list'],
    run: (e, r) => chain(e, r).toggleOrderedList().run(),
  },
  {
    id: 'taskList',
    get title() {
      return t('blocks.taskList.title');
    },
    get hint() {
      return t('blocks.taskList.hint');
    },
    shortcut: '[ ] ',
    keywords: ['todo', 'task', 'checkbox', 'action', 'list'],
    run: (e, r) => chain(e, r).toggleTaskList().run(),
  },
  {
    id: 'table',
    get title() {
      return t('blocks.table.title');
    },
    get hint() {
      return t('blocks.table.hint');
    },
    shortcut: '',
    keywords: ['grid', 'columns', 'rows'],
    run: (e, r) => chain(e, r).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    id: 'codeBlock',
    get title() {
      return t('blocks.codeBlock.title');
    },
    get hint() {
      return t('blocks.codeBlock.hint');
    },
    shortcut: '``` ',
    keywords: ['code', 'snippet', 'pre'],
    run: (e, r) => chain(e, r).toggleCodeBlock().run(),
  },
  {
    id: 'blockquote',
    get title() {
      return t('blocks.blockquote.title');
    },
    get hint() {
      return t('blocks.blockquote.hint');
    },
    shortcut: '> ',
    keywords: ['quote', 'blockquote', 'citation'],
    run: (e, r) => chain(e, r).toggleBlockquote().run(),
  },
  {
    id: 'divider',
    get title() {
      return t('blocks.divider.title');
    },
    get hint() {
      return t('blocks.divider.hint');
    },
    shortcut: '---',
    keywords: ['divider', 'rule', 'hr', 'separator', 'line'],
    run: (e, r) => chain(e, r).setHorizontalRule().run(),
  },
];

/**
 * The commands matching what was typed after `/`: title words first
 * ("head" → headings), then keywords ("todo" → Check list), in menu order
 * within each group. Case and surrounding spaces are ignored.
 */
export function filterBlockCommands(
  query: string,
  commands: readonly BlockCommand[] = BLOCK_COMMANDS,
): BlockCommand[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...commands];
  const byTitle = commands.filter(
    (c) =>
      c.title
        .toLowerCase()
        .split(/\s+/)
        .some((word) => word.startsWith(q)) || c.title.toLowerCase().startsWith(q),
  );
  const byKeyword = commands.filter(
    (c) => !byTitle.includes(c) && c.keywords.some((k) => k.startsWith(q)),
  );
  return [...byTitle, ...byKeyword];
}
