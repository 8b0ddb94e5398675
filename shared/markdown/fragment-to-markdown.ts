import * as Y from 'yjs';

/**
 * Markdown from a note's body (the Y.XmlFragment TipTap binds to), without a
 * DOM or an editor, so refused offline edits can be exported anywhere
 * (issue 5 point 5). Node names are TipTap StarterKit's (and TaskList's);
 * unknown nodes keep their text so nothing is dropped.
 */

type Attrs = Record<string, unknown>;

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** A run of text with its marks (bold, italic, code, strike, link). */
function inlineRun(insert: string, attributes: Attrs | undefined): string {
  if (insert === '') return '';
  if (attributes && 'code' in attributes) {
    const fence = insert.includes('`') ? '``' : '`';
    return `${fence}${insert}${fence}`;
  }
  let out = escapeInline(insert);
  if (attributes) {
    if ('bold' in attributes) out = `**${out}**`;
    if ('italic' in attributes) out = `*${out}*`;
    if ('strike' in attributes) out = `~~${out}~~`;
    const link = attributes['link'] as Attrs | undefined;
    if (link && typeof link['href'] === 'string') out = `[${out}](${link['href']})`;
  }
  return out;
}

function inline(node: Y.XmlElement | Y.XmlFragment): string {
  let out = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Attrs }[]) {
        if (typeof op.insert === 'string') out += inlineRun(op.insert, op.attributes);
      }
    } else if (child instanceof Y.XmlElement) {
      out += child.nodeName === 'hardBreak' ? '  \n' : inline(child);
    }
  }
  return out;
}

/** The text of a node without its marks (code blocks). */
function plain(node: Y.XmlElement): string {
  let out = '';
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as { insert: unknown }[]) {
      if (typeof op.insert === 'string') out += op.insert;
    }
  }
  return out;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : prefix + line))
    .join('\n');
}

const LISTS = new Set(['bulletList', 'orderedList', 'taskList']);

/** An item's blocks; a nested list follows its line directly (a tight list). */
function itemBlocks(item: Y.XmlElement): string {
  let out = '';
  for (const child of item.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const part = block(child);
    out += out === '' ? part : `${LISTS.has(child.nodeName) ? '\n' : '\n\n'}${part}`;
  }
  return out.trim();
}

function listItems(list: Y.XmlElement, marker: (i: number, item: Y.XmlElement) => string): string {
  return list
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
    .map((item, i) => {
      const head = marker(i, item);
      return head + indent(itemBlocks(item), ' '.repeat(head.length));
    })
    .join('\n');
}

function block(node: Y.XmlElement): string {
  const attrs = node.getAttributes() as Attrs;
  switch (node.nodeName) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attrs['level'] ?? 1) || 1));
      return `${'#'.repeat(level)} ${inline(node)}`;
    }
    case 'paragraph':
      return inline(node);
    case 'blockquote':
      return blocks(node)
        .trim()
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'codeBlock': {
      const code = plain(node);
      const fence = code.includes('```') ? '````' : '```';
      const language = typeof attrs['language'] === 'string' ? attrs['language'] : '';
      return `${fence}${language}\n${code}\n${fence}`;
    }
    case 'horizontalRule':
      return '---';
    case 'bulletList':
      return listItems(node, () => '- ');
    case 'orderedList': {
      const start = Number(attrs['start'] ?? 1) || 1;
      return listItems(node, (i) => `${start + i}. `);
    }
    case 'taskList':
      return listItems(node, (_i, item) => {
        const checked = item.getAttribute('checked') as unknown;
        return checked === true || checked === 'true' ? '- [x] ' : '- [ ] ';
      });
    default:
      // listItem, taskItem content, and nodes this exporter does not know: their blocks.
      return blocks(node).trim() || inline(node);
  }
}

function blocks(parent: Y.XmlElement | Y.XmlFragment): string {
  const parts: string[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) parts.push(block(child));
    else if (child instanceof Y.XmlText) parts.push(inline(parent));
  }
  return parts.join('\n\n');
}

/**
 * The Markdown (CommonMark with GFM task lists and strikethrough) of a
 * note's body: headings, paragraphs, bold/italic/code/strike marks and
 * links, bulleted, numbered and task lists (nested too), code blocks,
 * quotes and horizontal rules. Ends with one newline; an empty note gives ''.
 */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  const text = blocks(fragment)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? '' : `${text}\n`;
}
