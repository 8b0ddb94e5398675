import type { Token } from 'markdown-it';
import type { MarkJSON, NodeJSON } from '../meeting/node-json.ts';
import { isAllowedLinkHref } from './links.ts';

const TOGGLES: Record<string, string> = {
  strong_open: 'bold',
  strong_close: 'bold',
  em_open: 'italic',
  em_close: 'italic',
  s_open: 'strike',
  s_close: 'strike',
};

function sameMarks(a: readonly MarkJSON[] = [], b: readonly MarkJSON[] = []): boolean {
  return a.length === b.length && a.every((m, i) => JSON.stringify(m) === JSON.stringify(b[i]));
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * markdown-it inline tokens → ProseMirror inline JSON: text with marks
 * (bold, italic, strike, code, underline as `<u>`, links that pass the link
 * policy), hard breaks (also `<br>`), mentions (`[@Name](mention:id)`).
 * Other inline HTML is kept as literal text, never interpreted; an image
 * becomes its alt text, linked to its source when that is an allowed URL
 * (notes have no image node yet: pasted images arrive with the relay's
 * upload API).
 */
export function inlineJson(children: readonly Token[]): NodeJSON[] {
  const out: NodeJSON[] = [];
  const marks: MarkJSON[] = [];
  /** For each open link: whether it added a mark, or collects a mention. */
  const links: ('mark' | 'none' | { mention: string; label: string })[] = [];

  const pushText = (text: string, extra: MarkJSON[] = []) => {
    if (text === '') return;
    const mention = links.at(-1);
    if (typeof mention === 'object') {
      mention.label += text;
      return;
    }
    const all = [...marks, ...extra];
    const last = out.at(-1);
    if (last?.type === 'text' && sameMarks(last.marks, all)) {
      last.text = (last.text ?? '') + text;
      return;
    }
    out.push(all.length > 0 ? { type: 'text', text, marks: all } : { type: 'text', text });
  };
  const toggle = (type: string, on: boolean, attrs?: Record<string, unknown>) => {
    if (on) marks.push(attrs === undefined ? { type } : { type, attrs });
    else {
      const at = marks.map((m) => m.type).lastIndexOf(type);
      if (at >= 0) marks.splice(at, 1);
    }
  };

  for (const token of children) {
    const mark = TOGGLES[token.type];
    if (mark !== undefined) {
      toggle(mark, token.nesting === 1);
      continue;
    }
    switch (token.type) {
      case 'text':
      case 'text_special':
        pushText(token.content);
        break;
      case 'softbreak':
        pushText(' ');
        break;
      case 'hardbreak':
        out.push({ type: 'hardBreak' });
        break;
      case 'code_inline':
        pushText(token.content, [{ type: 'code' }]);
        break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        if (href.startsWith('mention:')) {
          links.push({ mention: decode(href.slice('mention:'.length)), label: '' });
        } else if (isAllowedLinkHref(href)) {
          links.push('mark');
          toggle('link', true, { href });
        } else links.push('none');
        break;
      }
      case 'link_close': {
        const link = links.pop();
        if (link === 'mark') toggle('link', false);
        else if (typeof link === 'object') {
          const label = link.label.replace(/^@/, '');
          out.push({ type: 'mention', attrs: { id: link.mention, label } });
        }
        break;
      }
      case 'image': {
        const src = String(token.attrGet('src') ?? '');
        const alt = token.content === '' ? src : token.content;
        pushText(alt, isAllowedLinkHref(src) ? [{ type: 'link', attrs: { href: src } }] : []);
        break;
      }
      case 'html_inline': {
        const tag = token.content.trim().toLowerCase();
        if (tag === '<u>') toggle('underline', true);
        else if (tag === '</u>') toggle('underline', false);
        else if (/^<br\s*\/?>$/.test(tag)) out.push({ type: 'hardBreak' });
        else pushText(token.content);
        break;
      }
      default:
        pushText(token.content);
    }
  }
  return out;
}
