import { getSchema, Node } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textFromNoteDoc } from '../search/note-text.ts';
import { readActionItems, setActionItemChecked } from './action-items.ts';
import type { NodeJSON } from './node-json.ts';
import { formatMeetingTime, meetingNoteTemplate } from './template.ts';

/**
 * The editor schema the template must fit: StarterKit plus the task list,
 * task item (with our attributes) and mention nodes the renderer adds. Defined
 * here with TipTap's own Node.create, since their extensions are not installed
 * yet; the attributes are what matters.
 */
const TaskList = Node.create({ name: 'taskList', group: 'block list', content: 'taskItem+' });
const TaskItem = Node.create({
  name: 'taskItem',
  content: 'paragraph block*',
  defining: true,
  addAttributes: () => ({
    id: { default: null },
    checked: { default: false },
    assignee: { default: null },
    due: { default: null },
  }),
});
const Mention = Node.create({
  name: 'mention',
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes: () => ({ id: { default: null }, label: { default: null } }),
});
const schema = getSchema([StarterKit, TaskList, TaskItem, Mention]);

function ids(): () => string {
  let n = 0;
  return () => `item${++n}`;
}

const base = () => ({
  title: 'Design review',
  start: '2026-03-03T09:00:00Z',
  end: '2026-03-03T10:30:00Z',
  timeZone: 'Europe/Berlin',
  locale: 'en-GB',
  attendees: [
    { id: 'u1', name: 'Ann Lee', email: 'ann@example.com' },
    { name: 'Guest', email: 'guest@other.org' },
  ],
  agenda: ['Goals', '  ', 'Risks'],
  actionItems: [{ text: 'Send slides', assignee: 'u1', due: '2026-03-05' }],
  newId: ids(),
});

function types(node: NodeJSON): string[] {
  return (node.content ?? []).map((n) => n.type);
}

describe('meeting note template', () => {
  it('has the sections in order, with the date line and attendees', () => {
    const doc = meetingNoteTemplate(base());
    expect(types(doc)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'bulletList',
      'heading',
      'bulletList',
      'heading',
      'paragraph',
      'heading',
      'bulletList',
      'heading',
      'taskList',
    ]);
    const json = JSON.stringify(doc);
    expect(json).toContain('{"type":"mention","attrs":{"id":"u1","label":"Ann Lee"}}');
    expect(json).toContain('Guest <guest@other.org>');
    expect(json).toContain(
      '"attrs":{"id":"item1","checked":false,"assignee":"u1","due":"2026-03-05"}',
    );
  });

  it('loads into a Y.Doc through the real TipTap schema, and its action items are live', () => {
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, meetingNoteTemplate(base()), doc.getXmlFragment('body'));
    const { title, text } = textFromNoteDoc(doc);
    expect(title).toBe('Design review');
    expect(text).toContain('10:00');
    expect(text).toContain('11:30');
    expect(text).toContain('@Ann Lee');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['Agenda', 'Goals', 'Risks', 'Send slides']),
    );
    expect(readActionItems(doc)).toEqual([
      { id: 'item1', checked: false, assignee: 'u1', due: '2026-03-05', text: 'Send slides' },
    ]);
    expect(setActionItemChecked(doc, 'item1')).toBe(1);
    expect(readActionItems(doc)[0]?.checked).toBe(true);
  });

  it('writes attendees as text without mentions, uses labels, and adds one empty action item', () => {
    const doc = meetingNoteTemplate({
      title: '  ',
      start: new Date(Date.UTC(2026, 0, 5, 14)),
      timeZone: 'UTC',
      locale: 'en-GB',
      attendees: [{ id: 'u1', name: 'Ann' }],
      mentions: false,
      labels: { untitled: 'Besprechung', agenda: 'Tagesordnung' },
      newId: () => 'only',
    });
    const json = JSON.stringify(doc);
    expect(json).not.toContain('mention');
    expect(json).toContain('"text":"Besprechung"');
    expect(json).toContain('"text":"Tagesordnung"');
    expect(doc.content?.at(-1)).toEqual({
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { id: 'only', checked: false, assignee: null, due: null },
          content: [{ type: 'paragraph' }],
        },
      ],
    });
    // The result must also fit the schema (no empty text nodes, valid nesting).
    expect(() => {
      schema.nodeFromJSON(doc).check();
    }).not.toThrow();
    expect(() => {
      schema.nodeFromJSON(meetingNoteTemplate(base())).check();
    }).not.toThrow();
  });

  it('formats the time in the given zone and refuses invalid dates', () => {
    const line = formatMeetingTime({
      start: '2026-07-01T08:00:00Z',
      end: '2026-07-01T09:00:00Z',
      timeZone: 'America/New_York',
      locale: 'en-US',
    });
    expect(line).toMatch(/July 1, 2026/);
    expect(line).toMatch(/4:00/);
    expect(line).toMatch(/\(America\/New_York\)$/);
    expect(() => meetingNoteTemplate({ ...base(), start: 'not a date' })).toThrow(RangeError);
  });

  it('gives each action item a fresh id from crypto by default', () => {
    const doc = meetingNoteTemplate({
      ...base(),
      newId: undefined,
      actionItems: [{ text: 'a' }, { text: 'b' }],
    });
    const items = doc.content?.at(-1)?.content ?? [];
    const itemIds = items.map((i) => i.attrs?.['id']);
    expect(itemIds).toHaveLength(2);
    expect(new Set(itemIds).size).toBe(2);
    expect(itemIds.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id))).toBe(
      true,
    );
  });
});
