import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createThread, replyToThread, type Anchor } from '../comments/index.ts';
import { anchorFromPositions } from '../comments/index.ts';
import {
  emptyInboxState,
  indexRoom,
  isSeen,
  markSeen,
  mentionKey,
  mentionTime,
  mentionsOf,
  notificationText,
  NotifyRequestSchema,
  parseInboxState,
  INBOX_LIMITS,
} from './index.ts';

const ADA = 'emp-1001';
const GRACE = 'emp-1002';
const ORIGIN = Symbol('test');

function mention(sub: string, label: string): Y.XmlElement {
  const el = new Y.XmlElement('mention');
  el.setAttribute('id', sub);
  el.setAttribute('label', label);
  return el;
}

/** A paragraph of `before @label after` (the shape y-prosemirror writes). */
function paragraph(before: string, m: Y.XmlElement, after: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(before), m, new Y.XmlText(after)]);
  return p;
}

function noteWith(...blocks: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('body').insert(0, blocks);
  return doc;
}

function anchorIn(doc: Y.Doc): Anchor {
  const text = new Y.XmlText('x');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [text]);
  doc.getXmlFragment('body').push([p]);
  return anchorFromPositions(
    Y.createRelativePositionFromTypeIndex(text, 0, 0),
    Y.createRelativePositionFromTypeIndex(text, 1, -1),
  );
}

describe('mentionsOf', () => {
  it('finds body mentions of one person, nested in lists, with a snippet and a replica-stable id', () => {
    const item = new Y.XmlElement('listItem');
    const list = new Y.XmlElement('bulletList');
    list.insert(0, [item]);
    item.insert(0, [paragraph('Ask ', mention(ADA, 'Ada Lovelace'), ' about the engine')]);
    const doc = noteWith(paragraph('Hello ', mention(GRACE, 'Grace Hopper'), ' and welcome'), list);
    const found = mentionsOf(doc, ADA);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'body',
      label: 'Ada Lovelace',
      snippet: 'Ask @Ada Lovelace about the engine',
      client: doc.clientID,
    });
    // The same node has the same id on another replica.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(mentionsOf(peer, ADA).map((m) => m.id)).toEqual(found.map((m) => m.id));
    expect(mentionsOf(doc, 'emp-9999')).toEqual([]);
  });

  it('cuts a long block around the mention', () => {
    const long = 'word '.repeat(100);
    const doc = noteWith(paragraph(long, mention(ADA, 'Ada'), ` tail ${long}`));
    const [m] = mentionsOf(doc, ADA);
    expect(m?.kind === 'body' && m.snippet.includes('@Ada')).toBe(true);
    expect(m?.kind === 'body' && m.snippet.length).toBeLessThanOrEqual(162);
    expect(m?.kind === 'body' && m.snippet.startsWith('…')).toBe(true);
  });

  it('finds comment messages that mention the person, with author and text', () => {
    const doc = new Y.Doc();
    const thread = createThread(
      doc,
      {
        anchor: anchorIn(doc),
        quote: 'x',
        author: { sub: GRACE, name: 'Grace Hopper' },
        text: 'What do you think @Ada Lovelace?',
        mentions: [{ sub: ADA, name: 'Ada Lovelace' }],
        now: 5,
      },
      ORIGIN,
    );
    replyToThread(doc, thread, { author: { sub: ADA, name: 'Ada' }, text: 'fine', now: 6 }, ORIGIN);
    const found = mentionsOf(doc, ADA);
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'comment',
        author: GRACE,
        authorName: 'Grace Hopper',
        text: 'What do you think @Ada Lovelace?',
        createdAt: 5,
        threadId: thread,
      }),
    ]);
  });
});

describe('inbox state: new since first index', () => {
  const opts = { me: ADA, localClient: 1, now: 100 };

  it('records what a note holds at its first index without announcing it', () => {
    const doc = noteWith(paragraph('Hi ', mention(ADA, 'Ada'), ''));
    const first = indexRoom(emptyInboxState(), 's/n', mentionsOf(doc, ADA), {
      ...opts,
      remote: true,
    });
    expect(first.announce).toEqual([]);
    expect(first.state.indexed['s/n']).toHaveLength(1);
  });

  it('announces a mention added later by someone else, once', () => {
    const doc = noteWith(paragraph('Hi ', mention(ADA, 'Ada'), ''));
    let state = indexRoom(emptyInboxState(), 's/n', mentionsOf(doc, ADA), {
      ...opts,
      remote: true,
    }).state;
    doc.getXmlFragment('body').push([paragraph('And ', mention(ADA, 'Ada'), ' again')]);
    const second = indexRoom(state, 's/n', mentionsOf(doc, ADA), { ...opts, remote: true });
    expect(second.announce.map((m) => m.kind === 'body' && m.snippet)).toEqual(['And @Ada again']);
    state = second.state;
    const [fresh] = second.announce;
    if (fresh === undefined) throw new Error('expected one announced mention');
    const key = mentionKey('s/n', fresh);
    expect(mentionTime(state, 's/n', fresh)).toBe(100);
    expect(state.noticed[key]).toBe(100);
    // Seen again in a later change: not announced twice.
    const third = indexRoom(state, 's/n', mentionsOf(doc, ADA), { ...opts, remote: true });
    expect(third.announce).toEqual([]);
  });

  it('never announces local changes, my own comments or nodes inserted by this replica', () => {
    const doc = noteWith(paragraph('', mention(GRACE, 'Grace'), ''));
    const base = indexRoom(emptyInboxState(), 's/n', mentionsOf(doc, ADA), {
      ...opts,
      remote: true,
    }).state;
    doc.getXmlFragment('body').push([paragraph('me ', mention(ADA, 'Ada'), '')]);
    const entries = mentionsOf(doc, ADA);
    expect(indexRoom(base, 's/n', entries, { ...opts, remote: false }).announce).toEqual([]);
    expect(
      indexRoom(base, 's/n', entries, { ...opts, localClient: doc.clientID, remote: true })
        .announce,
    ).toEqual([]);
    const mine = {
      kind: 'comment' as const,
      id: 'c:t:m',
      threadId: 't',
      author: ADA,
      authorName: 'Ada',
      text: '@Ada note to self',
      quote: '',
      createdAt: 1,
    };
    expect(indexRoom(base, 's/n', [mine], { ...opts, remote: true }).announce).toEqual([]);
    const graces = { ...mine, id: 'c:t:n', author: GRACE };
    expect(indexRoom(base, 's/n', [graces], { ...opts, remote: true }).announce).toEqual([graces]);
  });
});

describe('inbox state: seen marks and storage', () => {
  it('marks seen once and forgets the oldest beyond the limit', () => {
    let state = markSeen(emptyInboxState(), ['a#1', 'a#2']);
    expect(isSeen(state, 'a#1')).toBe(true);
    expect(isSeen(state, 'a#3')).toBe(false);
    expect(markSeen(state, ['a#1'])).toBe(state);
    state = markSeen(
      state,
      Array.from({ length: INBOX_LIMITS.seen }, (_, i) => `b#${String(i)}`),
    );
    expect(state.seen).toHaveLength(INBOX_LIMITS.seen);
    expect(isSeen(state, 'a#1')).toBe(false);
  });

  it('reads back what it wrote, and starts empty from missing or broken data', () => {
    const state = markSeen(emptyInboxState(), ['x#1']);
    expect(parseInboxState(JSON.stringify(state))).toEqual(state);
    expect(parseInboxState(null)).toEqual(emptyInboxState());
    expect(parseInboxState('{not json')).toEqual(emptyInboxState());
    expect(parseInboxState(JSON.stringify({ v: 2, seen: 'x' }))).toEqual(emptyInboxState());
  });
});

describe('notification requests', () => {
  const target = { spaceId: 'team', docId: 'plan' };

  it('accepts plain text and a note target', () => {
    expect(NotifyRequestSchema.parse({ title: 'Grace mentioned you', body: 'hi', target })).toEqual(
      { title: 'Grace mentioned you', body: 'hi', target },
    );
  });

  it.each([
    ['an empty title', { title: '', body: '', target }],
    ['a title that is too long', { title: 'x'.repeat(201), body: '', target }],
    ['a body that is too long', { title: 't', body: 'x'.repeat(1001), target }],
    ['control characters', { title: 't', body: 'a\u0007b', target }],
    ['a token', { title: 't', body: 'eyJhbGciOiJI.eyJzdWIiOiJ4In0.sig', target }],
    ['a path trick in the target', { title: 't', body: '', target: { spaceId: '..', docId: 'x' } }],
    ['an extra field', { title: 't', body: '', target, icon: 'file:///etc/passwd' }],
    ['no target', { title: 't', body: '' }],
  ])('refuses %s', (_, value) => {
    expect(NotifyRequestSchema.safeParse(value).success).toBe(false);
  });

  it('notificationText flattens, hides tokens and shortens', () => {
    expect(notificationText(' a\n\tb  c ', 50)).toBe('a b c');
    expect(notificationText('t eyJhbGciOiJI.eyJzdWIiOiJ4In0.sig', 50)).toBe('t [token hidden]');
    expect(notificationText('abcdef', 4)).toBe('abc…');
    expect(
      NotifyRequestSchema.safeParse({
        title: notificationText('x'.repeat(500), 200),
        body: notificationText('eyJhbGciOiJI.eyJzdWIiOiJ4In0.sig\u0007', 1000),
        target,
      }).success,
    ).toBe(true);
  });
});
