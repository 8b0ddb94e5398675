import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ensureActionItemIds,
  isCalendarDate,
  openActionItems,
  readActionItems,
  setActionItemChecked,
} from './action-items.ts';
import { NOTE_BODY_FRAGMENT } from '../search/note-text.ts';

type Attrs = Record<string, string | boolean | number>;

function el(name: string, attrs: Attrs, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const node = new Y.XmlElement<Attrs>(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.insert(0, children);
  return node as Y.XmlElement;
}

function para(value: string): Y.XmlElement {
  const text = new Y.XmlText();
  text.insert(0, value);
  return el('paragraph', {}, [text]);
}

function task(attrs: Attrs, label: string, nested: Y.XmlElement[] = []): Y.XmlElement {
  return el('taskItem', attrs, [
    para(label),
    ...(nested.length > 0 ? [el('taskList', {}, nested)] : []),
  ]);
}

function noteWithItems(): Y.Doc {
  const doc = new Y.Doc();
  doc
    .getXmlFragment('body')
    .insert(0, [
      el('heading', { level: 1 }, [new Y.XmlText('Weekly')]),
      el('taskList', {}, [
        task({ id: 'a1', checked: false, assignee: 'ann', due: '2026-03-10' }, 'Send minutes'),
        task({ id: 'a2', checked: true, assignee: 'ann' }, 'Book room'),
        task({ id: 'a3', checked: false, assignee: 'bob' }, 'Draft budget', [
          task({ id: 'a4', checked: false }, 'Ask finance'),
        ]),
      ]),
    ]);
  return doc;
}

describe('action items', () => {
  it('reads none, without throwing, from a body a stock client filled with text', () => {
    const writer = new Y.Doc();
    writer.getText(NOTE_BODY_FRAGMENT).insert(0, 'not a rich-text body');
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer));
    expect(readActionItems(reader)).toEqual([]);
  });

  it('reads every item with its attributes and its own text', () => {
    expect(readActionItems(noteWithItems())).toEqual([
      { id: 'a1', checked: false, assignee: 'ann', due: '2026-03-10', text: 'Send minutes' },
      { id: 'a2', checked: true, assignee: 'ann', due: null, text: 'Book room' },
      { id: 'a3', checked: false, assignee: 'bob', due: null, text: 'Draft budget' },
      { id: 'a4', checked: false, assignee: null, due: null, text: 'Ask finance' },
    ]);
  });

  it('lists open items, optionally for one assignee', () => {
    const doc = noteWithItems();
    expect(openActionItems(doc).map((i) => i.id)).toEqual(['a1', 'a3', 'a4']);
    expect(openActionItems(doc, { assignee: 'ann' }).map((i) => i.id)).toEqual(['a1']);
  });

  it('reads malformed attributes as null or unchecked', () => {
    const doc = new Y.Doc();
    doc
      .getXmlFragment('body')
      .insert(0, [
        el('taskList', {}, [
          task({ id: '../x', checked: 'true', assignee: 42, due: '2026-02-30' }, 'Hostile'),
          task({ due: 'tomorrow', assignee: '' }, 'No id'),
        ]),
      ]);
    expect(readActionItems(doc)).toEqual([
      { id: null, checked: false, assignee: null, due: null, text: 'Hostile' },
      { id: null, checked: false, assignee: null, due: null, text: 'No id' },
    ]);
  });

  it('ticks an item off in a transaction that syncs to a peer and can be undone', () => {
    const doc = noteWithItems();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => {
      Y.applyUpdate(peer, update);
    });
    const origin = { from: 'my-action-items' };
    const undo = new Y.UndoManager(doc.getXmlFragment('body'), {
      trackedOrigins: new Set([origin]),
    });
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));

    expect(setActionItemChecked(doc, 'a4', true, origin)).toBe(1);
    expect(transactions).toBe(1);
    expect(readActionItems(peer).find((i) => i.id === 'a4')?.checked).toBe(true);
    expect(openActionItems(peer).map((i) => i.id)).toEqual(['a1', 'a3']);

    undo.undo();
    expect(readActionItems(peer).find((i) => i.id === 'a4')?.checked).toBe(false);
    expect(setActionItemChecked(doc, 'a2', false)).toBe(1);
    expect(readActionItems(doc).find((i) => i.id === 'a2')?.checked).toBe(false);
  });

  it('changes nothing for an unknown id or an item already in that state', () => {
    const doc = noteWithItems();
    const before = Y.encodeStateVector(doc);
    expect(setActionItemChecked(doc, 'nope')).toBe(0);
    expect(setActionItemChecked(doc, 'a2', true)).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('gives missing and duplicated ids fresh ones', () => {
    const doc = new Y.Doc();
    doc
      .getXmlFragment('body')
      .insert(0, [
        el('taskList', {}, [
          task({ id: 'dup', checked: false }, 'Original'),
          task({ id: 'dup', checked: false }, 'Pasted copy'),
          task({ checked: false }, 'New'),
        ]),
      ]);
    let n = 0;
    const ids = ['dup', 'bad id!', 'x1', 'x2'];
    expect(ensureActionItemIds(doc, () => ids[n++] ?? `z${n}`)).toBe(2);
    expect(readActionItems(doc).map((i) => i.id)).toEqual(['dup', 'x1', 'x2']);
    expect(ensureActionItemIds(doc, () => 'never')).toBe(0);
  });

  it('checks calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});
