// A signed-in editor with a stock y-websocket client tries to put words in
// someone else's mouth. The relay judges every comment change against the
// sender's verified `sub` before storing or relaying it: the forger is told
// why, and the honest people in the room (and anyone who opens the note
// afterwards) see nothing of the forgery, while the room keeps working.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  commentsMap,
  createThread,
  listThreads,
  replyToThread,
  resolveThread,
  type CommentThread,
} from '../../shared/comments/index.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { memberClient, whenSynced, type MemberClient } from './hostile-member-helpers.ts';

const rigs = useApiRig();

const ANCHOR = {
  start: { tname: 'prosemirror', assoc: 0 },
  end: { tname: 'prosemirror', assoc: 0 },
};
const AS_ADA = { sub: ADA, name: 'Ada Lovelace' };
const AS_GRACE = { sub: GRACE, name: 'Grace Hopper' };

interface Room {
  readonly rig: ApiRig;
  readonly room: string;
  /** Honest: connects the app's way. */
  readonly ada: MemberClient;
  /** Hostile: a stock client with the token in its query. */
  readonly grace: MemberClient;
}

async function openRoom(): Promise<Room> {
  const rig = await rigs.start();
  const space = await rig.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
  const room = `${space}/plan`;
  const ada = memberClient(rig, room, ADA, { header: true });
  const grace = memberClient(rig, room, GRACE);
  await Promise.all([whenSynced(ada), whenSynced(grace)]);
  return { rig, room, ada, grace };
}

/** Ada starts a thread; resolves once Grace's client has it. */
async function adaThread(r: Room, text = 'Ship it on Friday'): Promise<string> {
  const id = createThread(
    r.ada.doc,
    { author: AS_ADA, text, now: 1_000, anchor: ANCHOR, quote: 'the plan' },
    'app',
  );
  await vi.waitFor(() => {
    expect(listThreads(r.grace.doc).threads.map((t) => t.id)).toContain(id);
  });
  return id;
}

/** Grace's client is told why; the relay has judged everything she sent before. */
async function refusedFor(client: MemberClient, why: string): Promise<void> {
  // Large updates wait for the update guard's worker: allow for a busy machine.
  await vi.waitFor(
    () => {
      expect(client.denials.join(' | ')).toContain(why);
    },
    { timeout: 20_000 },
  );
}

/** What someone opening the note now gets from the relay. */
async function freshView(r: Room): Promise<readonly CommentThread[]> {
  const katherine = memberClient(r.rig, r.room, KATHERINE, { header: true });
  await whenSynced(katherine);
  const { threads } = listThreads(katherine.doc);
  katherine.destroy();
  return threads;
}

/** Ada replies after the forgery: the room still works, and Katherine sees it. */
async function roomStillWorks(r: Room, threadId: string): Promise<readonly CommentThread[]> {
  replyToThread(r.ada.doc, threadId, { author: AS_ADA, text: 'Still here', now: 3_000 }, 'app');
  let threads: readonly CommentThread[] = [];
  await vi.waitFor(async () => {
    threads = await freshView(r);
    const texts = threads.find((t) => t.id === threadId)?.messages.map((m) => m.text);
    expect(texts).toContain('Still here');
  });
  return threads;
}

function messageMap(doc: Y.Doc, threadId: string): Y.Array<unknown> {
  const thread = commentsMap(doc).get(threadId) as Y.Map<unknown>;
  return thread.get('messages') as Y.Array<unknown>;
}

describe('a member cannot forge comment authorship', () => {
  it('refuses a thread started in another person’s name', async () => {
    const r = await openRoom();
    const forged = createThread(
      r.grace.doc,
      { author: AS_ADA, text: 'I resign', now: 2_000, anchor: ANCHOR, quote: 'x' },
      'forger',
    );
    await refusedFor(r.grace, 'a comment thread can only be started as yourself');
    // Ada's thread afterwards shows the room goes on.
    const honest = await adaThread(r, 'Agenda');
    const threads = await roomStillWorks(r, honest);
    expect(threads.map((t) => t.id)).not.toContain(forged);
    expect(listThreads(r.ada.doc).threads.map((t) => t.id)).not.toContain(forged);
  });

  it('refuses a reply posted in another person’s name', async () => {
    const r = await openRoom();
    const id = await adaThread(r);
    replyToThread(r.grace.doc, id, { author: AS_ADA, text: 'Actually, never', now: 2_000 }, 'f');
    await refusedFor(r.grace, 'a comment can only be posted as yourself');
    const threads = await roomStillWorks(r, id);
    const texts = threads.find((t) => t.id === id)?.messages.map((m) => m.text);
    expect(texts).toEqual(['Ship it on Friday', 'Still here']);
  });

  it('refuses rewriting another person’s comment', async () => {
    const r = await openRoom();
    const id = await adaThread(r);
    const messages = messageMap(r.grace.doc, id);
    const original = messages.get(0) as Record<string, unknown>;
    r.grace.doc.transact(() => {
      messages.delete(0, 1);
      messages.insert(0, [{ ...original, text: 'Ship it never' }]);
    });
    await refusedFor(r.grace, "another person's comment cannot be changed or deleted");
    const threads = await roomStillWorks(r, id);
    expect(threads.find((t) => t.id === id)?.messages[0]?.text).toBe('Ship it on Friday');
  });

  it('refuses deleting another person’s comment or thread', async () => {
    const r = await openRoom();
    const id = await adaThread(r);
    messageMap(r.grace.doc, id).delete(0, 1);
    await refusedFor(r.grace, "another person's comment cannot be changed or deleted");
    commentsMap(r.grace.doc).delete(id);
    await refusedFor(r.grace, "another person's comment thread cannot be deleted");
    const threads = await roomStillWorks(r, id);
    expect(threads.find((t) => t.id === id)?.messages.map((m) => m.author)).toEqual([ADA, ADA]);
  });

  it('refuses a resolution in another person’s name, and takes one in her own', async () => {
    const r = await openRoom();
    const id = await adaThread(r);
    resolveThread(r.grace.doc, id, AS_ADA, 2_000, 'forger');
    await refusedFor(r.grace, 'a thread can only be resolved as yourself');
    let threads = await roomStillWorks(r, id);
    expect(threads.find((t) => t.id === id)?.resolved).toBeNull();

    // Any editor may resolve, as herself: Grace's honest second client does.
    r.grace.destroy();
    const honestGrace = memberClient(r.rig, r.room, GRACE, { header: true });
    await whenSynced(honestGrace);
    resolveThread(honestGrace.doc, id, AS_GRACE, 4_000, 'app');
    await vi.waitFor(async () => {
      threads = await freshView(r);
      expect(threads.find((t) => t.id === id)?.resolved?.by).toBe(GRACE);
    });
    expect(honestGrace.denials).toEqual([]);
    honestGrace.destroy();
  });
});
