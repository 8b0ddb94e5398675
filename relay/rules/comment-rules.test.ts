import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  commentsMap,
  createThread,
  reopenThread,
  replyToThread,
  resolveThread,
} from '../../shared/comments/index.ts';
import { checkComments } from './comment-rules.ts';

const ANCHOR = { start: { tname: 'prosemirror' }, end: { tname: 'prosemirror' } };
const ADA = { sub: 'ada', name: 'Ada' };
const GRACE = { sub: 'grace', name: 'Grace' };

/** A note where Ada started a thread, and a copy of it to change. */
function note(): { before: Y.Doc; after: Y.Doc; id: string } {
  const before = new Y.Doc();
  const id = createThread(
    before,
    { author: ADA, text: 'Hello', now: 1, anchor: ANCHOR, quote: 'q' },
    null,
  );
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
  return { before, after, id };
}

describe('checkComments', () => {
  it('accepts what the app writes for its own person', () => {
    const { before, after, id } = note();
    replyToThread(after, id, { author: GRACE, text: 'Hi', now: 2 }, null);
    resolveThread(after, id, GRACE, 3, null);
    expect(checkComments(before, after, 'grace')).toBeNull();
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(after));
    reopenThread(reopened, id, null);
    expect(checkComments(after, reopened, 'ada')).toBeNull();
  });

  it('refuses threads, replies and resolutions in another name', () => {
    const { before, after } = note();
    createThread(after, { author: ADA, text: 'x', now: 2, anchor: ANCHOR, quote: '' }, null);
    expect(checkComments(before, after, 'grace')).toMatch(/started as yourself/);
    const reply = note();
    replyToThread(reply.after, reply.id, { author: ADA, text: 'x', now: 2 }, null);
    expect(checkComments(reply.before, reply.after, 'grace')).toMatch(/posted as yourself/);
    const resolve = note();
    resolveThread(resolve.after, resolve.id, ADA, 3, null);
    expect(checkComments(resolve.before, resolve.after, 'grace')).toMatch(/resolved as yourself/);
  });

  it('lets only the author change, delete or remove what is theirs', () => {
    const { before, after, id } = note();
    const thread = commentsMap(after).get(id) as Y.Map<unknown>;
    thread.set('quote', 'other');
    expect(checkComments(before, after, 'grace')).toMatch(/another person's comment thread/);
    expect(checkComments(before, after, 'ada')).toBeNull();
    const del = note();
    commentsMap(del.after).delete(del.id);
    expect(checkComments(del.before, del.after, 'grace')).toMatch(/cannot be deleted/);
    expect(checkComments(del.before, del.after, 'ada')).toBeNull();
    const msg = note();
    (
      (commentsMap(msg.after).get(msg.id) as Y.Map<unknown>).get('messages') as Y.Array<unknown>
    ).delete(0, 1);
    expect(checkComments(msg.before, msg.after, 'grace')).toMatch(/changed or deleted/);
  });

  it('refuses junk written under comments, and lets anyone clear old junk', () => {
    const { before, after } = note();
    commentsMap(after).set('junk', 42);
    expect(checkComments(before, after, 'ada')).toMatch(/well-formed/);
    const cleared = new Y.Doc();
    Y.applyUpdate(cleared, Y.encodeStateAsUpdate(after));
    commentsMap(cleared).delete('junk');
    expect(checkComments(after, cleared, 'grace')).toBeNull();
  });

  it('refuses changing who started a thread', () => {
    const { before, after, id } = note();
    (commentsMap(after).get(id) as Y.Map<unknown>).set('author', 'grace');
    expect(checkComments(before, after, 'ada')).toMatch(/author cannot be changed/);
  });
});
