import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { NodeJSON } from '../meeting/node-json.ts';
import { imageBlock } from './image.ts';
import { inlineJson } from './parse-inline.ts';
import { resolvePeople, type PersonResolver } from './people.ts';
import { taskListRule, type TaskItemInfo, type TaskRuleEnv } from './task-rule.ts';

/** Largest Markdown text imported (characters); a bigger file is refused, not cut. */
export const MAX_MARKDOWN_LENGTH = 2_000_000;

/** A Markdown text that cannot be imported, with a message fit to show. */
export class MarkdownImportError extends Error {
  override readonly name = 'MarkdownImportError';
}

export interface MarkdownImportOptions {
  /** Id for an action item without a valid, unique one (default: `crypto.randomUUID()`). */
  readonly newId?: () => string;
  /** Finds people by name (from the directory), so `@Name` and assignees come back as people. */
  readonly resolvePerson?: PersonResolver;
}

// html: true only so that `<u>`, `<br>` and `<!-- -->` are recognised; every
// other tag is kept as literal text (parse-inline.ts, `html_block` below),
// never rendered. linkify off: a URL in text stays text, as typed.
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.use(taskListRule);

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function defaultId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID === undefined) throw new Error('no crypto.randomUUID: pass newId');
  return crypto.randomUUID();
}

interface Walk {
  readonly tokens: Token[];
  i: number;
  readonly newId: () => string;
  readonly ids: Set<string>;
}

function paragraph(inline: Token | undefined): NodeJSON {
  const content = inlineJson(inline?.children ?? []);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Blocks until the token of type `close` (consumed) or the end. */
function blocks(walk: Walk, close: string | null): NodeJSON[] {
  const out: NodeJSON[] = [];
  while (walk.i < walk.tokens.length) {
    const token = walk.tokens[walk.i];
    if (token === undefined || token.type === close) {
      walk.i++;
      break;
    }
    const node = block(walk, token);
    if (node !== null) out.push(node);
  }
  return out;
}

/** A list item's content starts with a paragraph (TipTap: `paragraph block*`). */
function itemContent(walk: Walk): NodeJSON[] {
  const content = blocks(walk, 'list_item_close');
  return content[0]?.type === 'paragraph' ? content : [{ type: 'paragraph' }, ...content];
}

function list(walk: Walk, open: Token, close: string): NodeJSON {
  const task = (open.meta as { task?: boolean } | null)?.task === true;
  const items: NodeJSON[] = [];
  while (walk.i < walk.tokens.length) {
    const token = walk.tokens[walk.i++];
    if (token === undefined || token.type === close) break;
    if (token.type !== 'list_item_open') continue;
    const info = token.meta as TaskItemInfo | null;
    const content = itemContent(walk);
    if (!task || info === null) {
      items.push({ type: 'listItem', content });
      continue;
    }
    const kept = info.meta.id !== null && ID.test(info.meta.id) && !walk.ids.has(info.meta.id);
    const id = kept && info.meta.id !== null ? info.meta.id : walk.newId();
    walk.ids.add(id);
    items.push({
      type: 'taskItem',
      attrs: { id, checked: info.checked, assignee: info.meta.assignee, due: info.meta.due },
      content,
    });
  }
  if (task) return { type: 'taskList', content: items };
  if (open.type === 'ordered_list_open') {
    const start = Number(open.attrGet('start') ?? 1);
    return start === 1
      ? { type: 'orderedList', content: items }
      : { type: 'orderedList', attrs: { start }, content: items };
  }
  return { type: 'bulletList', content: items };
}

function table(walk: Walk): NodeJSON {
  const rows: NodeJSON[] = [];
  let row: NodeJSON[] | null = null;
  while (walk.i < walk.tokens.length) {
    const token = walk.tokens[walk.i++];
    if (token === undefined || token.type === 'table_close') break;
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row !== null) {
      rows.push({ type: 'tableRow', content: row });
      row = null;
    } else if ((token.type === 'th_open' || token.type === 'td_open') && row !== null) {
      const inline = walk.tokens[walk.i]?.type === 'inline' ? walk.tokens[walk.i] : undefined;
      row.push({
        type: token.type === 'th_open' ? 'tableHeader' : 'tableCell',
        content: [paragraph(inline)],
      });
    }
  }
  return { type: 'table', content: rows };
}

function codeBlock(token: Token): NodeJSON {
  const code = token.content.replace(/\n$/, '');
  const language = token.info.trim().split(/\s+/)[0] ?? '';
  const node: NodeJSON = {
    type: 'codeBlock',
    attrs: { language: language === '' ? null : language },
  };
  if (code !== '') node.content = [{ type: 'text', text: code }];
  return node;
}

function block(walk: Walk, token: Token): NodeJSON | null {
  walk.i++;
  switch (token.type) {
    case 'heading_open': {
      const node = paragraph(walk.tokens[walk.i]);
      walk.i += 2;
      return { ...node, type: 'heading', attrs: { level: Number(token.tag.slice(1)) } };
    }
    case 'paragraph_open': {
      const node = imageBlock(walk.tokens[walk.i]) ?? paragraph(walk.tokens[walk.i]);
      walk.i += 2;
      return node;
    }
    case 'blockquote_open': {
      const content = blocks(walk, 'blockquote_close');
      return {
        type: 'blockquote',
        content: content.length > 0 ? content : [{ type: 'paragraph' }],
      };
    }
    case 'bullet_list_open':
      return list(walk, token, 'bullet_list_close');
    case 'ordered_list_open':
      return list(walk, token, 'ordered_list_close');
    case 'table_open':
      return table(walk);
    case 'fence':
    case 'code_block':
      return codeBlock(token);
    case 'hr':
      return { type: 'horizontalRule' };
    case 'html_block': {
      // A comment separates blocks (e.g. two lists); other HTML stays literal text.
      if (/^<!--[\s\S]*?-->\s*$/.test(token.content)) return null;
      const lines = token.content.replace(/\n+$/, '').split('\n');
      const content = lines.flatMap((line, i): NodeJSON[] => [
        ...(i > 0 ? [{ type: 'hardBreak' }] : []),
        ...(line === '' ? [] : [{ type: 'text', text: line }]),
      ]);
      return content.length > 0 ? { type: 'paragraph', content } : null;
    }
    default:
      return null;
  }
}

/**
 * ProseMirror JSON (a `doc` of the note schema: TipTap StarterKit node names,
 * `taskList`/`taskItem` with `id`, `checked`, `assignee`, `due`, `table`,
 * `mention`) from Markdown (CommonMark + GFM tables, task lists and
 * strikethrough; format in README.md). Links other than http(s)/mailto
 * become plain text; raw HTML stays literal text. Action items keep a valid
 * id from the text unless it repeats, and get a fresh one otherwise.
 * @throws MarkdownImportError for a text over `MAX_MARKDOWN_LENGTH`.
 */
export function markdownToProsemirrorJson(
  markdown: string,
  options: MarkdownImportOptions = {},
): NodeJSON {
  if (markdown.length > MAX_MARKDOWN_LENGTH) {
    throw new MarkdownImportError(
      `This Markdown file is too large to import (over ${String(MAX_MARKDOWN_LENGTH / 1_000_000)} million characters).`,
    );
  }
  const env: TaskRuleEnv = { resolvePerson: options.resolvePerson };
  const tokens = md.parse(markdown.replace(/^\uFEFF/, ''), env);
  const walk: Walk = { tokens, i: 0, newId: options.newId ?? defaultId, ids: new Set() };
  const content = blocks(walk, null);
  const doc = { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
  return options.resolvePerson === undefined ? doc : resolvePeople(doc, options.resolvePerson);
}
