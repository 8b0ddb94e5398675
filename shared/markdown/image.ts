import type { Token } from 'markdown-it';
import { FILE_ID_PATTERN, FILE_URI_SCHEME } from '../files-api.ts';
import type { NodeJSON } from '../meeting/node-json.ts';
import { escapeText } from './inline.ts';

/**
 * Images of notes in Markdown: `![alt](commonplace-file:<fileId>)`
 * on a line of its own. The file id names a file of the note's space on the
 * relay (shared/files-api.ts); no URL, so an exported file leaks no address
 * or token, and importing it back into the same space shows the image again.
 */
export function imageMarkdown(node: NodeJSON): string {
  const fileId = node.attrs?.['fileId'];
  if (typeof fileId !== 'string' || !FILE_ID_PATTERN.test(fileId)) return '';
  const alt = node.attrs?.['alt'];
  const text = typeof alt === 'string' ? escapeText(alt.replace(/\s+/g, ' ')) : '';
  const link = imageLink?.(fileId) ?? null;
  return `![${text}](${link !== null && SAFE_LINK.test(link) ? link : FILE_URI_SCHEME + fileId})`;
}

/** What an image link may be instead of `commonplace-file:`: a relative path of plain names (no spaces, no scheme). */
const SAFE_LINK = /^(?:\.\.\/)*(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

let imageLink: ((fileId: string) => string | null) | null = null;

/**
 * Runs `serialize` (synchronous: a `jsonToMarkdown` call) with each image
 * written as `![alt](<link(fileId)>)` instead of `commonplace-file:<fileId>`,
 * where `link` answers a relative path (a space's zip export puts the files
 * beside the notes); null keeps the `commonplace-file:`
 * link. A link that is not a plain relative path is ignored.
 */
export function withImageLinks<T>(link: (fileId: string) => string | null, serialize: () => T): T {
  const previous = imageLink;
  imageLink = link;
  try {
    return serialize();
  } finally {
    imageLink = previous;
  }
}

/**
 * The image node of a paragraph whose only content is one
 * `![alt](commonplace-file:<fileId>)`, or null (other images stay alt text,
 * parse-inline.ts).
 */
export function imageBlock(inline: Token | undefined): NodeJSON | null {
  const children = (inline?.children ?? []).filter(
    (t) => !(t.type === 'text' && t.content.trim() === ''),
  );
  const [image] = children;
  if (children.length !== 1 || image?.type !== 'image') return null;
  const src = String(image.attrGet('src') ?? '');
  if (!src.startsWith(FILE_URI_SCHEME)) return null;
  const fileId = src.slice(FILE_URI_SCHEME.length);
  if (!FILE_ID_PATTERN.test(fileId)) return null;
  // The alt text as read (escapes resolved), not the label's source (`token.content`).
  const alt = (image.children ?? []).map((t) => t.content).join('');
  return { type: 'image', attrs: { fileId, alt: alt === '' ? null : alt } };
}
