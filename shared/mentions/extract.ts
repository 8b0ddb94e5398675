// Mentions of one person in a note's Y.Doc: `mention`
// nodes in the body (TipTap's Mention node, written by y-prosemirror as a
// Y.XmlElement with attributes `id` = the person's sub and `label`) and
// comment messages whose `mentions` name them. Read straight from the doc,
// without an editor, so notes synced in the background are covered too.
import * as Y from 'yjs';
import { listThreads } from '../comments/index.ts';
import { NOTE_BODY_FRAGMENT } from '../search/index.ts';

/** Characters of context kept around a mention in the note body. */
export const SNIPPET_LENGTH = 160;

/** A mention node in the note body. */
export interface BodyMention {
  readonly kind: 'body';
  /**
   * Stable on every replica: the Yjs item id of the node (`b:<client>:<clock>`).
   * Every client that receives the node sees the same id; retyping the
   * mention makes a new one.
   */
  readonly id: string;
  /** The Yjs client that inserted the node (equal to `doc.clientID` when written here). */
  readonly client: number;
  readonly label: string;
  /** The text block around the mention, with mentions written as `@name`. */
  readonly snippet: string;
}

/** A comment message that mentions the person. */
export interface CommentMentionEntry {
  readonly kind: 'comment';
  /** `c:<threadId>:<messageId>`. */
  readonly id: string;
  readonly threadId: string;
  readonly author: string;
  readonly authorName: string;
  readonly text: string;
  /** The commented text of the thread. */
  readonly quote: string;
  /** Milliseconds since the epoch, on the author's clock. */
  readonly createdAt: number;
}

export type MentionEntry = BodyMention | CommentMentionEntry;

function attr(el: Y.XmlElement, name: string): string | null {
  const value: unknown = el.getAttribute(name);
  return typeof value === 'string' ? value : null;
}

function inlineText(node: Y.XmlElement): string {
  if (node.nodeName === 'mention') return `@${attr(node, 'label') ?? attr(node, 'id') ?? ''}`;
  if (node.nodeName === 'hardBreak') return ' ';
  return '';
}

/** Plain text of a Y.XmlText, without the formatting markup `toString` adds. */
function plain(node: Y.XmlText): string {
  return (node.toDelta() as { insert?: unknown }[])
    .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('');
}

/** Cuts `text` to about `length` characters centred on [start, end). */
function around(text: string, start: number, end: number, length = SNIPPET_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= length) return flat.trim();
  const half = Math.max(0, Math.floor((length - (end - start)) / 2));
  const from = Math.max(0, Math.min(start - half, flat.length - length));
  const to = Math.min(flat.length, from + length);
  return `${from > 0 ? '…' : ''}${flat.slice(from, to).trim()}${to < flat.length ? '…' : ''}`;
}

function collectBody(parent: Y.XmlElement | Y.XmlFragment, sub: string, out: BodyMention[]): void {
  const children = parent.toArray();
  const hasInline = children.some(
    (c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && c.nodeName === 'mention'),
  );
  if (!hasInline) {
    for (const child of children) {
      if (child instanceof Y.XmlElement) collectBody(child, sub, out);
    }
    return;
  }
  // A text block: its text, and where each mention of `sub` sits in it.
  let text = '';
  const found: { el: Y.XmlElement; start: number; end: number }[] = [];
  for (const child of children) {
    if (child instanceof Y.XmlHook) continue;
    const piece = child instanceof Y.XmlText ? plain(child) : inlineText(child);
    if (
      child instanceof Y.XmlElement &&
      child.nodeName === 'mention' &&
      attr(child, 'id') === sub
    ) {
      found.push({ el: child, start: text.length, end: text.length + piece.length });
    }
    text += piece;
  }
  for (const { el, start, end } of found) {
    const item = el._item;
    if (item === null) continue;
    out.push({
      kind: 'body',
      id: `b:${String(item.id.client)}:${String(item.id.clock)}`,
      client: item.id.client,
      label: attr(el, 'label') ?? sub,
      snippet: around(text, start, end),
    });
  }
}

/**
 * Every mention of `sub` in a note doc: body mentions in document order, then
 * comment messages (malformed ones are skipped by the comments schema).
 */
export function mentionsOf(doc: Y.Doc, sub: string): MentionEntry[] {
  const body: BodyMention[] = [];
  collectBody(doc.getXmlFragment(NOTE_BODY_FRAGMENT), sub, body);
  const comments: CommentMentionEntry[] = [];
  for (const thread of listThreads(doc).threads) {
    for (const message of thread.messages) {
      if (!message.mentions.some((m) => m.sub === sub)) continue;
      comments.push({
        kind: 'comment',
        id: `c:${thread.id}:${message.id}`,
        threadId: thread.id,
        author: message.author,
        authorName: message.authorName,
        text: message.text,
        quote: thread.quote,
        createdAt: message.createdAt,
      });
    }
  }
  return [...body, ...comments];
}

/** Whether `entry` was written by `me`: a comment I sent, or a node inserted by this replica. */
export function writtenBy(entry: MentionEntry, me: string, localClient: number): boolean {
  return entry.kind === 'comment' ? entry.author === me : entry.client === localClient;
}
