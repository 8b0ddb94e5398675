import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsMap } from '../../../shared/comments/index.ts';
import { mayChangeMentions } from './read-trigger.ts';

/** The note `Hello` in one paragraph, and what each transaction on it decides. */
function note() {
  const doc = new Y.Doc();
  const text = new Y.XmlText('Hello');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('body').push([paragraph]);
  const decisions: boolean[] = [];
  const relay = {};
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    decisions.push(mayChangeMentions(tr, relay));
  });
  return { doc, text, paragraph, decisions, relay };
}

describe('mayChangeMentions', () => {
  it('is false for typing and formatting text: no mention can appear or vanish', () => {
    const { text, decisions } = note();
    text.insert(5, ', world');
    text.format(0, 5, { bold: {} });
    text.delete(0, 1);
    expect(decisions).toEqual([false, false, false]);
  });

  it('is true when a mention is inserted or removed, or the comments change', () => {
    const { doc, paragraph, decisions } = note();
    const mention = new Y.XmlElement('mention');
    mention.setAttribute('id', 'emp-1001');
    paragraph.insert(1, [mention]);
    paragraph.delete(1, 1);
    commentsMap(doc).set('t1', new Y.Map());
    expect(decisions).toEqual([true, true, true]);
  });

  it('is true for whatever came from the relay, text included', () => {
    const { doc, text, decisions, relay } = note();
    doc.transact(() => {
      text.insert(0, '>');
    }, relay);
    expect(decisions).toEqual([true]);
  });
});
