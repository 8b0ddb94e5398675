import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  COMMENT_LIMITS,
  CommentError,
  anchorFromPositions,
  anchorPositions,
  anchoredRange,
  commentsMap,
  createThread,
  listThreads,
  reopenThread,
  replyToThread,
  resolveThread,
  shortenQuote,
  type Anchor,
} from './index.ts';

const ada = { sub: 'emp-1001', name: 'Ada Lovelace' };
const grace = { sub: 'emp-1002', name: 'Grace Hopper' };
const ORIGIN = Symbol('comments-test');

/** A note whose body is one paragraph of `text` (the shape TipTap writes). */
function note(text: string): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const yText = new Y.XmlText(text);
  paragraph.insert(0, [yText]);
  doc.getXmlFragment('body').insert(0, [paragraph]);
  return { doc, text: yText };
}

/** An anchor over `text[from, to)`: start sticks to the first character, end to the last. */
function anchorOver(text: Y.XmlText, from: number, to: number): Anchor {
  return anchorFromPositions(
    Y.createRelativePositionFromTypeIndex(text, from, 0),
    Y.createRelativePositionFromTypeIndex(text, to, -1),
  );
}

function resolve(doc: Y.Doc, anchor: Anchor) {
  const { start, end } = anchorPositions(anchor);
  const a = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const b = Y.createAbsolutePositionFromRelativePosition(end, doc);
  return anchoredRange(a?.index ?? null, b?.index ?? null);
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('comment threads in a note doc', () => {
  it('creates a thread with its first message, replies, resolves and reopens', () => {
    const { doc, text } = note('Ship the release on Friday');
    const id = createThread(
      doc,
      {
        anchor: anchorOver(text, 9, 16),
        quote: 'release',
        author: ada,
        text: ' Which one? ',
        now: 1,
      },
      ORIGIN,
    );
    replyToThread(doc, id, { author: grace, text: 'The 2.0 one', now: 2 }, ORIGIN);
    let [thread] = listThreads(doc).threads;
    expect(thread?.quote).toBe('release');
    expect(thread?.messages.map((m) => [m.authorName, m.text])).toEqual([
      ['Ada Lovelace', 'Which one?'],
      ['Grace Hopper', 'The 2.0 one'],
    ]);
    expect(thread?.resolved).toBeNull();

    resolveThread(doc, id, grace, 3, ORIGIN);
    [thread] = listThreads(doc).threads;
    expect(thread?.resolved).toEqual({ by: grace.sub, byName: grace.name, at: 3 });
    reopenThread(doc, id, ORIGIN);
    [thread] = listThreads(doc).threads;
    expect(thread?.resolved).toBeNull();
  });

  it('refuses an empty or oversized message and writes nothing', () => {
    const { doc, text } = note('abc');
    const input = { anchor: anchorOver(text, 0, 3), quote: 'abc', author: ada, now: 1 };
    expect(() => createThread(doc, { ...input, text: '   ' }, ORIGIN)).toThrow(CommentError);
    expect(() =>
      createThread(doc, { ...input, text: 'x'.repeat(COMMENT_LIMITS.text + 1) }, ORIGIN),
    ).toThrow(/at most 10000 characters/);
    expect(commentsMap(doc).size).toBe(0);
    expect(() => {
      replyToThread(doc, 'nope', { author: ada, text: 'hi', now: 1 }, ORIGIN);
    }).toThrow(/no longer exists/);
  });

  it('keeps only mentions still written in the text, once each', () => {
    const { doc, text } = note('abc');
    const id = createThread(
      doc,
      {
        anchor: anchorOver(text, 0, 3),
        quote: 'abc',
        author: ada,
        text: '@Grace Hopper please check, @Grace Hopper',
        mentions: [grace, grace, { sub: 'emp-1004', name: 'Alan Turing' }],
        now: 1,
      },
      ORIGIN,
    );
    expect(listThreads(doc).threads[0]?.messages[0]?.mentions).toEqual([grace]);
    expect(listThreads(doc).threads[0]?.id).toBe(id);
  });

  it('skips and counts malformed threads and messages written by another client', () => {
    const { doc, text } = note('abc');
    const id = createThread(
      doc,
      { anchor: anchorOver(text, 0, 3), quote: 'abc', author: ada, text: 'ok', now: 1 },
      ORIGIN,
    );
    const map = commentsMap(doc);
    map.set('junk', 42);
    const wrong = new Y.Map<unknown>();
    wrong.set('id', 'other-id');
    map.set('misfiled', wrong);
    const thread = map.get(id) as Y.Map<unknown>;
    (thread.get('messages') as Y.Array<unknown>).push([{ text: 'no author' }, 'string']);
    const list = listThreads(doc);
    expect(list.malformed).toBe(2);
    expect(list.threads).toHaveLength(1);
    expect(list.threads[0]?.messages).toHaveLength(1);
    expect(list.threads[0]?.malformedMessages).toBe(2);
  });

  it('shortens long quotes at a character boundary', () => {
    const long = '😀'.repeat(COMMENT_LIMITS.quote);
    const short = shortenQuote(long);
    expect(short.length).toBeLessThanOrEqual(COMMENT_LIMITS.quote);
    expect(short.endsWith('😀…')).toBe(true);
    expect(shortenQuote('  two\n lines ')).toBe('two lines');
  });

  it('merges a reply and a resolve made concurrently on two docs', () => {
    const { doc: a, text } = note('abc');
    const b = new Y.Doc();
    const id = createThread(
      a,
      { anchor: anchorOver(text, 0, 3), quote: 'abc', author: ada, text: 'first', now: 1 },
      ORIGIN,
    );
    sync(a, b);
    replyToThread(b, id, { author: grace, text: 'reply', now: 2 }, ORIGIN);
    resolveThread(a, id, ada, 3, ORIGIN);
    sync(a, b);
    for (const doc of [a, b]) {
      const [thread] = listThreads(doc).threads;
      expect(thread?.messages.map((m) => m.text)).toEqual(['first', 'reply']);
      expect(thread?.resolved?.by).toBe(ada.sub);
    }
  });
});

describe('anchors follow concurrent edits', () => {
  /** A small seeded generator (mulberry32), so a failing run can be replayed. */
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  for (const seed of [1, 7, 42, 1234, 99_999]) {
    it(`keeps covering the same words under random edits outside them (seed ${String(seed)})`, () => {
      const random = rng(seed);
      const { doc: a, text: textA } = note('alpha beta gamma delta');
      const b = new Y.Doc();
      sync(a, b);
      const start = 'alpha beta '.length;
      const id = createThread(
        a,
        {
          anchor: anchorOver(textA, start, start + 'gamma'.length),
          quote: 'gamma',
          author: ada,
          text: 'why gamma?',
          now: 1,
        },
        ORIGIN,
      );
      sync(a, b);
      for (let round = 0; round < 30; round += 1) {
        // Each doc edits on its own (concurrently), then they exchange updates.
        for (const doc of [a, b]) {
          const [thread] = listThreads(doc).threads;
          const range = thread && resolve(doc, thread.anchor);
          if (!range)
            throw new Error(`seed ${String(seed)}: anchor lost in round ${String(round)}`);
          const yText = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
          const before = random() < 0.5;
          const at = before
            ? Math.floor(random() * range.from)
            : range.to + 1 + Math.floor(random() * (yText.length - range.to));
          if (random() < 0.7 || yText.length < 30) yText.insert(Math.min(at, yText.length), 'xy ');
          else if (before && range.from > 1) yText.delete(Math.max(0, at - 1), 1);
          else if (!before && at < yText.length) yText.delete(at, 1);
        }
        sync(a, b);
      }
      for (const doc of [a, b]) {
        const [thread] = listThreads(doc).threads;
        const range = thread && resolve(doc, thread.anchor);
        const yText = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
        expect(range && yText.toJSON().slice(range.from, range.to)).toBe('gamma');
        expect(thread?.id).toBe(id);
      }
      expect(a.getXmlFragment('body').toJSON()).toBe(b.getXmlFragment('body').toJSON());
    });
  }

  it('detaches (and keeps) a thread whose text was deleted', () => {
    const { doc: a, text } = note('keep this away');
    const b = new Y.Doc();
    createThread(
      a,
      { anchor: anchorOver(text, 5, 9), quote: 'this', author: ada, text: 'hm', now: 1 },
      ORIGIN,
    );
    sync(a, b);
    const yText = (b.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    yText.delete(4, 5);
    sync(a, b);
    for (const doc of [a, b]) {
      const [thread] = listThreads(doc).threads;
      expect(thread?.quote).toBe('this');
      expect(thread && resolve(doc, thread.anchor)).toBeNull();
    }
  });
});
