import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { commentsMap, createThread, listThreads } from '../../../shared/comments/index.ts';
import { noteExtensions } from '../editor/index.ts';
import { anchorForRange } from './anchors.ts';
import { CommentsPanel, COMMENTS_ORIGIN } from './index.ts';
import { highlightedRanges } from './highlights.ts';
import { mentionQuery } from './MentionInput.tsx';
import { MessageText } from './MessageText.tsx';

const ada = { sub: 'emp-1001', name: 'Ada Lovelace' };
const editors: Editor[] = [];

afterEach(() => {
  cleanup();
  for (const e of editors.splice(0)) e.destroy();
});

/** A TipTap editor bound to `doc` as the app binds it (Collaboration on the `body` fragment). */
function editorOn(doc: Y.Doc): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...noteExtensions(),
      Collaboration.configure({ fragment: doc.getXmlFragment('body') }),
    ],
    injectCSS: false,
  });
  editors.push(editor);
  return editor;
}

/** Two docs that exchange every update, as two clients through a relay. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote');
  });
  return [a, b];
}

/** The editor position of `text` (first occurrence) in the document. */
function find(editor: Editor, text: string): { from: number; to: number } {
  const hits: { from: number; to: number }[] = [];
  editor.state.doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (at >= 0) hits.push({ from: pos + at, to: pos + at + text.length });
  });
  const [first] = hits;
  if (first === undefined) throw new Error(`no "${text}" in the note`);
  return first;
}

function highlightedText(editor: Editor): string[] {
  return [...highlightedRanges(editor.state).values()].map((r) =>
    editor.state.doc.textBetween(r.from, r.to),
  );
}

function renderPanel(editor: Editor, doc: Y.Doc, canEdit = true) {
  return render(
    <CommentsPanel
      editor={editor}
      doc={doc}
      me={ada}
      canEdit={canEdit}
      readOnlyReason={canEdit ? null : 'You can view this note but not edit it.'}
      searchPeople={null}
    />,
  );
}

describe('comment anchors in the editor', () => {
  it('follow edits made by another person before them, and detach when their text is deleted', () => {
    const [docA, docB] = linkedDocs();
    const a = editorOn(docA);
    const b = editorOn(docB);
    a.commands.setContent('<p>alpha beta gamma delta</p>');
    expect(b.getText()).toBe('alpha beta gamma delta');
    renderPanel(a, docA);
    renderPanel(b, docB);

    const range = find(a, 'gamma');
    const anchor = anchorForRange(a.state, range.from, range.to);
    if (anchor === null) throw new Error('no anchor');
    act(() => {
      createThread(
        docA,
        { anchor, quote: 'gamma', author: ada, text: 'hm', now: 1 },
        COMMENTS_ORIGIN,
      );
    });
    expect(highlightedText(a)).toEqual(['gamma']);
    expect(highlightedText(b)).toEqual(['gamma']);

    // B writes at the start and right before "gamma"; A writes right after it.
    act(() => {
      b.commands.insertContentAt(1, 'first ');
      b.commands.insertContentAt(find(b, 'gamma').from, 'new ');
      a.commands.insertContentAt(find(a, 'gamma').to, ' ray');
    });
    expect(a.getText()).toBe('first alpha beta new gamma ray delta');
    expect(highlightedText(a)).toEqual(['gamma']);
    expect(highlightedText(b)).toEqual(['gamma']);

    // Deleting the words detaches the thread; it stays, and says why.
    act(() => {
      const gone = find(b, 'new gamma ray');
      b.commands.deleteRange(gone);
    });
    expect(highlightedText(a)).toEqual([]);
    expect(highlightedText(b)).toEqual([]);
    expect(listThreads(docA).threads).toHaveLength(1);
    expect(screen.getAllByText('The commented text was deleted.')).toHaveLength(2);
  });

  it('is not undone by the note’s Ctrl+Z (comments have their own origin)', () => {
    const doc = new Y.Doc();
    const editor = editorOn(doc);
    editor.commands.setContent('<p>Ship it</p>');
    const range = find(editor, 'Ship');
    const anchor = anchorForRange(editor.state, range.from, range.to);
    if (anchor === null) throw new Error('no anchor');
    createThread(
      doc,
      { anchor, quote: 'Ship', author: ada, text: 'When?', now: 1 },
      COMMENTS_ORIGIN,
    );
    editor.commands.undo();
    expect(editor.getText()).toBe('');
    expect(commentsMap(doc).size).toBe(1);
    expect(listThreads(doc).threads[0]?.messages[0]?.text).toBe('When?');
  });
});

describe('CommentsPanel', () => {
  it('comments on the selection, then resolves, shows resolved and reopens', () => {
    const doc = new Y.Doc();
    const editor = editorOn(doc);
    editor.commands.setContent('<p>Budget is final</p>');
    renderPanel(editor, doc);
    expect(screen.queryByRole('button', { name: 'Comment' })).toBeNull();

    act(() => {
      const range = find(editor, 'final');
      editor.commands.setTextSelection(range);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    const draft = screen.getByRole('region', { name: 'New comment' });
    expect(draft.querySelector('blockquote')?.textContent).toBe('final');
    fireEvent.change(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Signed?' },
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Comment' }).at(-1) as HTMLElement);

    const card = () => screen.queryByRole('article', { name: 'Comment on “final”' });
    expect(card()?.textContent).toContain('Signed?');
    expect(highlightedText(editor)).toEqual(['final']);

    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(card()).toBeNull();
    expect(highlightedText(editor)).toEqual([]);
    fireEvent.click(screen.getByRole('checkbox', { name: /Show resolved \(1\)/ }));
    expect(card()?.textContent).toContain('Resolved by Ada Lovelace');
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(highlightedText(editor)).toEqual(['final']);
    expect(listThreads(doc).threads[0]?.resolved).toBeNull();
  });

  it('tells a viewer she cannot comment, and offers no Comment button or reply box', () => {
    const doc = new Y.Doc();
    const editor = editorOn(doc);
    editor.commands.setContent('<p>Budget is final</p>');
    const range = find(editor, 'final');
    const anchor = anchorForRange(editor.state, range.from, range.to);
    if (anchor === null) throw new Error('no anchor');
    createThread(doc, { anchor, quote: 'final', author: ada, text: 'ok', now: 1 }, COMMENTS_ORIGIN);
    renderPanel(editor, doc, false);
    act(() => {
      editor.commands.setTextSelection(range);
    });
    expect(screen.getByRole('note').textContent).toMatch(/Only people who can edit/);
    expect(screen.queryByRole('button', { name: 'Comment' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Reply' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
  });

  it('counts, and does not show, malformed threads another client wrote', () => {
    const doc = new Y.Doc();
    const editor = editorOn(doc);
    commentsMap(doc).set('bad', 'not a thread');
    renderPanel(editor, doc);
    expect(screen.getByText('1 unreadable comment thread not shown.')).toBeTruthy();
  });
});

describe('mentions in comments', () => {
  it('finds the `@word` being typed before the caret', () => {
    expect(mentionQuery('Ping @Gra', 9)).toEqual({ start: 5, query: 'Gra' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail a@b', 8)).toBeNull();
    expect(mentionQuery('@Grace Hopper ok', 16)).toBeNull();
  });

  it('draws recorded mentions as chips, longest name first', () => {
    const { container } = render(
      <p>
        <MessageText
          text="@Ada Lovelace and @Ada, see"
          mentions={[
            { sub: 'u-short', name: 'Ada' },
            { sub: 'emp-1001', name: 'Ada Lovelace' },
          ]}
        />
      </p>,
    );
    const chips = [...container.querySelectorAll('.comment-mention')];
    expect(chips.map((c) => [c.textContent, c.getAttribute('data-id')])).toEqual([
      ['@Ada Lovelace', 'emp-1001'],
      ['@Ada', 'u-short'],
    ]);
    expect(container.textContent).toBe('@Ada Lovelace and @Ada, see');
  });
});
