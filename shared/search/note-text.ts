// Plain text of a note, read straight from its Y.Doc without an editor or a
// DOM, so the search index can be kept current for notes that are synced in
// the background and never opened.
//
// y-prosemirror (TipTap's Collaboration extension) stores the ProseMirror
// document in the Y.XmlFragment `body`: each node is a Y.XmlElement named
// after the node type, with its attributes; each run of text is a Y.XmlText
// whose formatting marks are attributes of its delta.
import * as Y from 'yjs';
import { MAX_INDEXED_TEXT, MAX_INDEXED_TITLE } from './note-index.ts';

/**
 * The fragment TipTap binds to. Same value as `NOTE_BODY_FIELD` in
 * renderer/sync/note-doc.ts, which shared/ cannot import (layering rule).
 */
export const NOTE_BODY_FRAGMENT = 'body';

export interface NoteText {
  /** The first non-empty block (the heading of a templated note). */
  title: string;
  /** Every other block, one per line. */
  text: string;
}

/**
 * Inline nodes: they sit inside a text block beside the text runs. An element
 * whose children include text or one of these is a text block.
 */
const INLINE_NODES: Readonly<Record<string, (el: Y.XmlElement) => string>> = {
  hardBreak: () => '\n',
  mention: (el) => `@${attr(el, 'label') ?? attr(el, 'id') ?? ''}`,
  image: (el) => attr(el, 'alt') ?? '',
  emoji: (el) => attr(el, 'name') ?? '',
};

function attr(el: Y.XmlElement, name: string): string | undefined {
  const value: unknown = el.getAttribute(name);
  return typeof value === 'string' ? value : undefined;
}

/** Title and plain text of a note's body (at most `MAX_INDEXED_TEXT` characters). */
export function textFromNoteDoc(doc: Y.Doc): NoteText {
  return textFromFragment(doc.getXmlFragment(NOTE_BODY_FRAGMENT));
}

/** Title and plain text of any y-prosemirror fragment. */
export function textFromFragment(fragment: Y.XmlFragment): NoteText {
  const blocks: string[] = [];
  const budget = { left: MAX_INDEXED_TEXT };
  collectBlocks(fragment, blocks, budget);
  const nonEmpty = blocks.map((b) => b.trim()).filter((b) => b.length > 0);
  return {
    title: (nonEmpty[0] ?? '').replace(/\s+/g, ' ').slice(0, MAX_INDEXED_TITLE),
    text: nonEmpty.slice(1).join('\n'),
  };
}

/** Plain text of one element or fragment: its non-empty blocks, one per line. */
export function plainText(node: Y.XmlElement | Y.XmlFragment): string {
  const blocks: string[] = [];
  if (node instanceof Y.XmlElement && isTextBlock(node)) blocks.push(inlineText(node));
  else collectBlocks(node, blocks, { left: MAX_INDEXED_TEXT });
  return blocks
    .map((b) => b.trim())
    .filter((b) => b.length > 0)
    .join('\n');
}

function isTextBlock(el: Y.XmlElement | Y.XmlFragment): boolean {
  return el
    .toArray()
    .some(
      (c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && c.nodeName in INLINE_NODES),
    );
}

function collectBlocks(
  node: Y.XmlElement | Y.XmlFragment,
  blocks: string[],
  budget: { left: number },
): void {
  for (const child of node.toArray()) {
    if (budget.left <= 0) return;
    if (child instanceof Y.XmlText) {
      // Text directly in a container (not produced by TipTap, but legal Yjs).
      push(blocks, budget, textOf(child));
    } else if (child instanceof Y.XmlElement) {
      if (isTextBlock(child)) push(blocks, budget, inlineText(child));
      else collectBlocks(child, blocks, budget);
    }
  }
}

function push(blocks: string[], budget: { left: number }, block: string): void {
  const kept = block.slice(0, budget.left);
  budget.left -= kept.length + 1;
  blocks.push(kept);
}

function inlineText(el: Y.XmlElement): string {
  let out = '';
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) out += textOf(child);
    else if (child instanceof Y.XmlElement) {
      const inline = INLINE_NODES[child.nodeName];
      out += inline === undefined ? inlineText(child) : inline(child);
    }
  }
  return out;
}

/** The characters of a text run, without its formatting (toString() would add tags). */
function textOf(text: Y.XmlText): string {
  const delta: unknown = text.toDelta();
  if (!Array.isArray(delta)) return '';
  let out = '';
  for (const op of delta as unknown[]) {
    if (typeof op === 'object' && op !== null && 'insert' in op && typeof op.insert === 'string')
      out += op.insert;
  }
  return out;
}

/** One transaction that changed a note's body. */
export interface NoteTextChange {
  /** True when the change was made in this Y.Doc, false when it came from a peer or a store. */
  local: boolean;
  /** The transaction's origin (the provider, for remote changes). */
  origin: unknown;
  /** Reads the current title and text (computed on first call, then cached). */
  read(): NoteText;
}

/**
 * Calls `onChange` after every transaction that changes the note's body.
 * Reading the text is left to the caller (`change.read()`), so it can batch
 * (e.g. reindex once per animation frame or after an idle period) instead
 * of extracting the text on every keystroke. Returns a function that stops
 * observing.
 */
export function observeNoteText(
  doc: Y.Doc,
  onChange: (change: NoteTextChange) => void,
): () => void {
  const fragment = doc.getXmlFragment(NOTE_BODY_FRAGMENT);
  const handler = (_events: Y.YEvent<Y.AbstractType<unknown>>[], txn: Y.Transaction): void => {
    let cached: NoteText | undefined;
    onChange({
      local: txn.local,
      origin: txn.origin,
      read: () => (cached ??= textFromFragment(fragment)),
    });
  };
  fragment.observeDeep(handler);
  return () => {
    fragment.unobserveDeep(handler);
  };
}
