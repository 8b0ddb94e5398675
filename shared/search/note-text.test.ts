import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  NOTE_BODY_FRAGMENT,
  observeNoteText,
  textFromNoteDoc,
  type NoteTextChange,
} from './note-text.ts';

/** A Y.XmlText run as y-prosemirror writes it: marks become delta attributes. */
function run(...parts: [string, Record<string, unknown>?][]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(
    parts.map(([insert, attributes]) => (attributes ? { insert, attributes } : { insert })),
  );
  return text;
}

function el(
  name: string,
  attrs: Record<string, unknown>,
  children: (Y.XmlElement | Y.XmlText)[],
): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

function meetingDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc
    .getXmlFragment(NOTE_BODY_FRAGMENT)
    .insert(0, [
      el('heading', { level: 1 }, [run(['Weekly '], ['sync', { bold: true }])]),
      el('paragraph', {}, []),
      el('paragraph', {}, [
        run(['With ']),
        el('mention', { id: 'u1', label: 'Ann' }, []),
        run([' and Bob']),
      ]),
      el('bulletList', {}, [
        el('listItem', {}, [
          el('paragraph', {}, [run(['First ', {}], ['point', { italic: true }])]),
        ]),
        el('listItem', {}, [
          el('paragraph', {}, [run(['Second'])]),
          el('bulletList', {}, [el('listItem', {}, [el('paragraph', {}, [run(['Nested'])])])]),
        ]),
      ]),
      el('taskList', {}, [
        el('taskItem', { checked: false, assignee: 'u1' }, [
          el('paragraph', {}, [run(['Send minutes'])]),
        ]),
      ]),
      el('codeBlock', { language: 'ts' }, [run(['const a = 1;'])]),
      el('paragraph', {}, [run(['line one']), el('hardBreak', {}, []), run(['line two'])]),
    ]);
  return doc;
}

describe('textFromNoteDoc', () => {
  it('reads title and text from y-prosemirror structures without formatting tags', () => {
    const { title, text } = textFromNoteDoc(meetingDoc());
    expect(title).toBe('Weekly sync');
    expect(text.split('\n')).toEqual([
      'With @Ann and Bob',
      'First point',
      'Second',
      'Nested',
      'Send minutes',
      'const a = 1;',
      'line one',
      'line two',
    ]);
    expect(text).not.toMatch(/<|bold|italic/);
  });

  it('takes the first non-empty block as title when there is no heading', () => {
    const doc = new Y.Doc();
    doc
      .getXmlFragment(NOTE_BODY_FRAGMENT)
      .insert(0, [
        el('paragraph', {}, [run(['   '])]),
        el('paragraph', {}, [run(['Just a line'])]),
        el('paragraph', {}, [run(['Body'])]),
      ]);
    expect(textFromNoteDoc(doc)).toEqual({ title: 'Just a line', text: 'Body' });
    expect(textFromNoteDoc(new Y.Doc())).toEqual({ title: '', text: '' });
  });

  it('survives a sync round trip to another Y.Doc', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(meetingDoc()));
    expect(textFromNoteDoc(copy)).toEqual(textFromNoteDoc(meetingDoc()));
  });
});

describe('observeNoteText', () => {
  it('calls back once per transaction, tells local from remote, and stops', () => {
    const doc = meetingDoc();
    const changes: NoteTextChange[] = [];
    const stop = observeNoteText(doc, (change) => changes.push(change));
    const heading = doc.getXmlFragment(NOTE_BODY_FRAGMENT).get(0);
    if (!(heading instanceof Y.XmlElement)) throw new Error('no heading');
    const title = heading.get(0);
    if (!(title instanceof Y.XmlText)) throw new Error('no title text');
    doc.transact(() => {
      title.insert(0, 'Big ');
      title.insert(title.length, '!');
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.local).toBe(true);
    expect(changes[0]?.read().title).toBe('Big Weekly sync!');

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const peerTitle = (peer.getXmlFragment(NOTE_BODY_FRAGMENT).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    peerTitle.delete(0, 4);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'provider');
    expect(changes).toHaveLength(2);
    expect(changes[1]?.local).toBe(false);
    expect(changes[1]?.origin).toBe('provider');
    expect(changes[1]?.read().title).toBe('Weekly sync!');

    stop();
    title.insert(0, 'x');
    expect(changes).toHaveLength(2);
  });
});
