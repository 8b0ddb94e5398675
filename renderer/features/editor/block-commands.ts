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
    title: 'Text',
    hint: 'Plain paragraph',
    shortcut: '',
    keywords: ['paragraph', 'plain'],
    run: (e, r) => chain(e, r).setParagraph().run(),
  },
  ...([1, 2, 3] as const).map((level): BlockCommand => ({
    id: `heading${String(level)}`,
    title: `Heading ${String(level)}`,
    hint:
      ['Big section heading', 'Medium section heading', 'Small section heading'][level - 1] ?? '',
    shortcut: `${'#'.repeat(level)} `,
    keywords: ['heading', 'title', `h${String(level)}`],
    run: (e, r) => chain(e, r).setHeading({ level }).run(),
  })),
  {
    id: 'bulletList',
    title: 'Bulleted list',
    hint: 'A simple list',
    shortcut: '- ',
    keywords: ['bullet', 'unordered', 'ul', 'list'],
    run: (e, r) => chain(e, r).toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    title: 'Numbered list',
    hint: 'A list with numbers',
    shortcut: '1. ',
    keywords: ['ordered', 'numbered', 'ol', 'list'],
    run: (e, r) => chain(e, r).toggleOrderedList().run(),
  },
  {
    id: 'taskList',
    title: 'Check list',
    hint: 'Action items with checkboxes',
    shortcut: '[ ] ',
    keywords: ['todo', 'task', 'checkbox', 'action', 'list'],
    run: (e, r) => chain(e, r).toggleTaskList().run(),
  },
  {
    id: 'table',
    title: 'Table',
    hint: 'Rows and columns',
    shortcut: '',
    keywords: ['grid', 'columns', 'rows'],
    run: (e, r) => chain(e, r).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    id: 'codeBlock',
    title: 'Code block',
    hint: 'Code, monospaced',
    shortcut: '``` ',
    keywords: ['code', 'snippet', 'pre'],
    run: (e, r) => chain(e, r).toggleCodeBlock().run(),
  },
  {
    id: 'blockquote',
    title: 'Quote',
    hint: 'A quotation',
    shortcut: '> ',
    keywords: ['quote', 'blockquote', 'citation'],
    run: (e, r) => chain(e, r).toggleBlockquote().run(),
  },
  {
    id: 'divider',
    title: 'Divider',
    hint: 'A line between sections',
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
