import type { MarkJSON, NodeJSON } from '../meeting/node-json.ts';
import { isAllowedLinkHref } from './links.ts';
import { escapeTaskText } from './task-meta.ts';

/** How inline content is written: inside a table cell, or as an action item's text. */
export interface InlineContext {
  readonly table?: boolean;
  readonly task?: boolean;
}

/** Backslash-escapes CommonMark/GFM syntax so text stays text. */
export function escapeText(text: string, context: InlineContext = {}): string {
  let out = text.replace(/([\\`*_[\]<>~|])/g, '\\$1').replace(/&/g, '\\&');
  if (context.task === true) out = escapeTaskText(out);
  return out;
}

/** Escapes what would start a block (a heading, quote, list, rule) at the start of a line. */
export function escapeLineStart(markdown: string): string {
  return markdown
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^ /, '&#32;')
    .replace(/ $/, '&#32;');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function markOf(marks: readonly MarkJSON[] | undefined, type: string): MarkJSON | undefined {
  return marks?.find((mark) => mark.type === type);
}

/**
 * One text node with its marks. Whitespace at either end goes outside the
 * delimiters (CommonMark does not open emphasis before a space), so
 * `"bold "` with bold becomes `**bold** `.
 */
function textRun(node: NodeJSON, context: InlineContext): string {
  const text = node.text ?? '';
  if (text === '') return '';
  const marks = node.marks;
  const link = markOf(marks, 'link');
  const href = typeof link?.attrs?.['href'] === 'string' ? link.attrs['href'] : null;
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const lead = match?.[1] ?? '';
  const core = match?.[2] ?? text;
  const trail = match?.[3] ?? '';
  if (core === '') return escapeText(text, context);
  let out = markOf(marks, 'code') ? codeSpan(core) : escapeText(core, context);
  if (markOf(marks, 'underline')) out = `<u>${out}</u>`;
  if (markOf(marks, 'strike')) out = `~~${out}~~`;
  if (markOf(marks, 'italic')) out = `*${out}*`;
  if (markOf(marks, 'bold')) out = `**${out}**`;
  if (href !== null && isAllowedLinkHref(href))
    out = `[${out}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`;
  return escapeText(lead, context) + out + escapeText(trail, context);
}

/**
 * A mention as a reader writes one, `@Grace Hopper`: the directory id stays
 * out of the file, and import finds the person again by name.
 */
function mention(node: NodeJSON, context: InlineContext): string {
  const label = typeof node.attrs?.['label'] === 'string' ? node.attrs['label'] : '';
  return `@${escapeText(label.replace(/\s+/g, ' '), context)}`;
}

/** The Markdown of a block's inline content. */
export function inlineMarkdown(
  content: readonly NodeJSON[] | undefined,
  context: InlineContext = {},
): string {
  let out = '';
  for (const node of content ?? []) {
    if (node.type === 'text') out += textRun(node, context);
    else if (node.type === 'hardBreak') out += context.table === true ? '<br>' : '\\\n';
    else if (node.type === 'mention') out += mention(node, context);
    else out += inlineMarkdown(node.content, context);
  }
  return out;
}
