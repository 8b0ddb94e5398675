import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { FrameScheduler } from './batched-awareness.ts';
import { noteCarets } from './caret-extension.ts';
import { noteExtensions } from './extensions.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0).reverse()) f();
});

/** Frames that pass only when the test says so. */
function manualFrames(): { schedule: FrameScheduler; frame: () => void } {
  let queue: (() => void)[] = [];
  return {
    schedule: (run) => {
      queue.push(run);
      return () => {
        queue = queue.filter((r) => r !== run);
      };
    },
    frame: () => {
      const due = queue;
      queue = [];
      for (const run of due) run();
    },
  };
}

/** Our editor on a doc with one paragraph, and a peer with its own doc and awareness. */
function setup() {
  const frames = manualFrames();
  const peerDoc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Decisions and owners')]);
  peerDoc.getXmlFragment('body').insert(0, [paragraph]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peerDoc));
  const awareness = new Awareness(doc);
  const peer = new Awareness(peerDoc);
  peer.setLocalStateField('user', { name: 'Grace Hopper', color: '#30a46c' });
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [
      ...noteExtensions(),
      Collaboration.configure({ fragment: doc.getXmlFragment('body') }),
      noteCarets(awareness, { name: 'Ada Lovelace', color: '#e5484d' }, frames.schedule),
    ],
    injectCSS: false,
  });
  cleanups.push(() => {
    editor.destroy();
    element.remove();
    peer.destroy();
    awareness.destroy();
  });
  const text = peerDoc.getXmlFragment('body').get(0);
  const ytext = text instanceof Y.XmlElement ? text.get(0) : null;
  if (!(ytext instanceof Y.XmlText)) throw new Error('no text');
  /** The peer puts its caret at `index` of its paragraph; we receive it. */
  const moveTo = (index: number): void => {
    // yjs types the JSON form as any.
    const at: unknown = Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(ytext, index),
    );
    peer.setLocalStateField('cursor', { anchor: at, head: at });
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(peer, [peer.clientID]), 'remote');
  };
  const caretAt = (): number | null => {
    const caret = editor.view.dom.querySelector('.remote-caret');
    return caret ? editor.view.posAtDOM(caret, 0) : null;
  };
  return { editor, frames, moveTo, caretAt };
}

describe('note carets', () => {
  it('shows a remote caret, labelled, once the frame comes, and follows it', async () => {
    const { editor, frames, moveTo, caretAt } = setup();
    moveTo(3);
    moveTo(5);
    // Nothing is drawn before the frame.
    expect(editor.view.dom.querySelector('.remote-caret')).toBeNull();
    frames.frame();
    await expect
      .poll(
        () => editor.view.dom.querySelector<HTMLElement>('.remote-caret__label')?.dataset['name'],
      )
      .toBe('Grace Hopper');
    // Position 1 is the start of the paragraph's text: only the last move shows.
    expect(caretAt()).toBe(1 + 5);
    expect(editor.view.dom.querySelectorAll('.remote-caret')).toHaveLength(1);

    moveTo(9);
    frames.frame();
    await expect.poll(caretAt).toBe(1 + 9);
    // The caret is decoration, never text of the note.
    expect(editor.state.doc.textContent).toBe('Decisions and owners');
  });
});
