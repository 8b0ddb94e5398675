import type { NodeJSON } from '../meeting/node-json.ts';
import { imageMarkdown } from './image.ts';
import { escapeLineStart, inlineMarkdown } from './inline.ts';
import { namesForExport, type PersonNameOf } from './people.ts';
import { formatTaskMeta } from './task-meta.ts';

/**
 * ProseMirror JSON (node names of TipTap's StarterKit, TaskList/TaskItem,
 * Table and Mention) → Markdown (CommonMark + GFM tables, task lists and
 * strikethrough). The format is documented in README.md beside this file.
 */

const LISTS = new Set(['bulletList', 'orderedList', 'taskList']);

function attr(node: NodeJSON, name: string): unknown {
  return node.attrs?.[name];
}

/** Inline content as lines, each safe from being read as a block marker. */
function paragraphText(node: NodeJSON, task = false): string {
  return inlineMarkdown(node.content, { task }).split('\n').map(escapeLineStart).join('\n');
}

function indent(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** An item's blocks; a nested list directly after the first paragraph keeps the list tight. */
function itemBody(item: NodeJSON, task: boolean): string {
  const children = item.content ?? [];
  let out = '';
  children.forEach((child, i) => {
    const part = i === 0 && child.type === 'paragraph' ? paragraphText(child, task) : block(child);
    if (i === 0 && task) out += part + taskSuffix(item);
    else if (i === 0) out += part;
    else out += `${LISTS.has(child.type) ? '\n' : '\n\n'}${part}`;
  });
  return out;
}

function taskSuffix(item: NodeJSON): string {
  const text = (name: string) => {
    const value = attr(item, name);
    return typeof value === 'string' ? value : null;
  };
  return formatTaskMeta({ assignee: text('assignee'), due: text('due') });
}

function list(node: NodeJSON, marker: (i: number, item: NodeJSON) => string): string {
  const task = node.type === 'taskList';
  return (node.content ?? [])
    .map((item, i) => {
      const head = marker(i, item);
      // Continuation lines line up with the item's text (CommonMark §5.2).
      const width = task ? 2 : head.length;
      return head + indent(itemBody(item, task), width);
    })
    .join('\n');
}

function cellText(cell: NodeJSON): string {
  return (cell.content ?? [])
    .map((child) => inlineMarkdown(child.content, { table: true }))
    .join('<br>')
    .trim();
}

/** A GFM table; its first row is the header row (GFM requires one). */
function table(node: NodeJSON): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(cellText));
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_v, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join(
    '\n',
  );
}

function codeBlock(node: NodeJSON): string {
  const code = (node.content ?? []).map((child) => child.text ?? '').join('');
  const longest = Math.max(0, ...(code.match(/^`{3,}/gm) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const language = attr(node, 'language');
  const info = typeof language === 'string' ? language.replace(/[\s`]/g, '') : '';
  return `${fence}${info}\n${code}${code === '' ? '' : '\n'}${fence}`;
}

function block(node: NodeJSON): string {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attr(node, 'level') ?? 1) || 1));
      return `${'#'.repeat(level)} ${inlineMarkdown(node.content).replace(/\\\n/g, ' ')}`.trimEnd();
    }
    case 'paragraph':
      return paragraphText(node);
    case 'blockquote':
      return blocks(node.content)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'codeBlock':
      return codeBlock(node);
    case 'horizontalRule':
      return '---';
    case 'bulletList':
      return list(node, () => '- ');
    case 'orderedList': {
      const start = Number(attr(node, 'start') ?? 1) || 1;
      return list(node, (i) => `${start + i}. `);
    }
    case 'taskList':
      return list(node, (_i, item) => {
        const checked = attr(item, 'checked');
        return checked === true || checked === 'true' ? '- [x] ' : '- [ ] ';
      });
    case 'table':
      return table(node);
    case 'image':
      return imageMarkdown(node);
    default:
      // Nodes this exporter does not know: their blocks, else their text.
      return node.content?.some((child) => child.type !== 'text')
        ? blocks(node.content)
        : paragraphText(node);
  }
}

/** Blocks separated by blank lines; an empty paragraph has no Markdown of its own and is dropped. */
function blocks(content: readonly NodeJSON[] | undefined): string {
  let out = '';
  let previous: string | null = null;
  for (const node of content ?? []) {
    const part = block(node);
    if (part === '') continue;
    // Two lists with the same kind of marker in a row would merge into one:
    // an HTML comment keeps them apart (CommonMark §5.3).
    const split =
      previous !== null &&
      LISTS.has(previous) &&
      LISTS.has(node.type) &&
      (previous === 'orderedList') === (node.type === 'orderedList');
    out += previous === null ? part : `\n\n${split ? '<!-- -->\n\n' : ''}${part}`;
    previous = node.type;
  }
  return out;
}

export interface MarkdownExportOptions {
  /** Names of people by directory id (action-item assignees); mentions carry their own. */
  readonly nameOf?: PersonNameOf;
}

/**
 * The Markdown of a ProseMirror JSON document (or any node): every block a
 * note uses (headings, paragraphs, bulleted, numbered and task lists with
 * their action-item metadata, tables, code blocks, quotes, dividers) and
 * inline marks, links and mentions. People appear by name, never by id.
 * Ends with one newline; '' when empty.
 */
export function jsonToMarkdown(json: NodeJSON, options: MarkdownExportOptions = {}): string {
  const doc = namesForExport(json, options.nameOf);
  const text = doc.type === 'doc' ? blocks(doc.content) : block(doc);
  return text.trim() === '' ? '' : `${text}\n`;
}
