import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { ReplaceStep } from '@tiptap/pm/transform';
import type { Transaction } from '@tiptap/pm/state';
import * as Y from 'yjs';
import { noteCollaboration } from './collaboration.ts';
import { noteExtensions } from './extensions.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0).reverse()) f();
});

/** An editor as the note editor builds it, on its own Y.Doc. */
function editorOn(doc: Y.Doc): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...noteExtensions(), noteCollaboration(doc.getXmlFragment('body'))],
    injectCSS: false,
  });
  cleanups.push(() => {
    editor.destroy();
    element.remove();
  });
  return editor;
}

/** Two people on one note: each doc's updates reach the other at once, as the relay would. */
function twoPeople(paragraphs: number) {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') Y.applyUpdate(docB, update, 'relay');
  });
  docB.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') Y.applyUpdate(docA, update, 'relay');
  });
  const a = editorOn(docA);
  const b = editorOn(docB);
  a.commands.setContent(
    Array.from({ length: paragraphs }, (_, i) => `<p>paragraph ${String(i)}</p>`).join(''),
  );
  return { a, b, docB };
}

function children(doc: PMNode): PMNode[] {
  const out: PMNode[] = [];
  doc.forEach((child) => out.push(child));
  return out;
}

describe('the Yjs binding renders only what changed', () => {
  it('applies a remote edit as one small step, keeping the other blocks as they were', () => {
    const { a, b } = twoPeople(50);
    expect(b.getJSON()).toEqual(a.getJSON());
    const before = children(b.state.doc);
    const steps: Transaction[] = [];
    b.on('transaction', ({ transaction }) => {
      if (transaction.docChanged) steps.push(transaction);
    });

    // A types into paragraph 20.
    const at = before.slice(0, 20).reduce((pos, node) => pos + node.nodeSize, 0) + 3;
    a.commands.insertContentAt(at, 'XY');

    expect(b.getJSON()).toEqual(a.getJSON());
    expect(b.state.doc.child(20).textContent).toBe('paXYragraph 20');
    const after = children(b.state.doc);
    // Every other paragraph is the very same node object: nothing else was rebuilt.
    after.forEach((node, i) => {
      if (i !== 20) expect(node).toBe(before[i]);
    });
    // And the transaction replaced that paragraph only, not the whole document.
    const replaced = steps.flatMap((tr) => tr.steps).filter((s) => s instanceof ReplaceStep);
    expect(replaced).toHaveLength(1);
    const step = replaced[0] as ReplaceStep & { from: number; to: number };
    expect(step.to - step.from).toBe(before[20]?.nodeSize ?? 0);
  });

  it('keeps the local caret where it was when a remote edit lands before it', () => {
    const { a, b } = twoPeople(5);
    const third = children(b.state.doc)
      .slice(0, 3)
      .reduce((pos, node) => pos + node.nodeSize, 0);
    b.commands.setTextSelection(third + 4);
    a.commands.insertContentAt(2, 'ABC');
    expect(b.state.doc.child(0).textContent).toBe('pABCaragraph 0');
    expect(b.state.selection.from).toBe(third + 4 + 3);
  });

  it('does not compare the whole document with Yjs when only the caret moves', () => {
    const { b, docB } = twoPeople(5);
    b.commands.setTextSelection(3);
    // Comparing the document with Yjs lists the Y fragment's children.
    const toArray = vi.spyOn(Y.XmlFragment.prototype, 'toArray');
    cleanups.push(() => {
      toArray.mockRestore();
    });
    b.commands.setTextSelection(12);
    b.commands.setTextSelection(5);
    expect(toArray).not.toHaveBeenCalled();
    // A real edit still reaches Yjs.
    b.commands.insertContentAt(3, 'Z');
    expect(toArray).toHaveBeenCalled();
    expect(b.state.doc.child(0).textContent).toBe('paZragraph 0');
    expect(JSON.stringify(docB.getXmlFragment('body').toJSON())).toContain('paZragraph 0');
  });

  it('follows structural changes: blocks removed and inserted by the other person', () => {
    const { a, b } = twoPeople(10);
    const second = children(a.state.doc)[0]?.nodeSize ?? 0;
    // Delete paragraphs 1 and 2, then add a heading at the end.
    const third = second + (children(a.state.doc)[1]?.nodeSize ?? 0);
    a.commands.deleteRange({ from: second, to: third + (children(a.state.doc)[2]?.nodeSize ?? 0) });
    a.commands.insertContentAt(a.state.doc.content.size, '<h2>Owners</h2>');
    expect(b.getJSON()).toEqual(a.getJSON());
    const texts = children(b.state.doc).map((node) => node.textContent);
    expect(texts).not.toContain('paragraph 1');
    expect(texts).not.toContain('paragraph 2');
    expect(texts).toContain('paragraph 3');
    expect(texts).toContain('Owners');
  });
});
