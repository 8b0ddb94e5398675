/**
 * Authorship of comments, judged by the relay: it compares a note's comment
 * threads before an update with the same threads after it (on a scratch
 * copy) and refuses the update when the difference is not the sender's to
 * make. The rules, for a sender `me` (an editor or owner: viewers never get
 * this far):
 * - a new thread, and every message it holds, is authored by `me`;
 * - a thread's id, author and creation time never change; its quote, anchor
 *   and author name change only by its author;
 * - a message is added only as `me`, and changed or removed only by its own
 *   author (an edit is a removal plus an addition, so both sides are `me`);
 * - a thread is removed only by its author, and only while every message in
 *   it is theirs (removing it would remove the others' words);
 * - any editor may resolve or reopen a thread (as in the app: anyone who may
 *   edit the note may tidy its discussion), but a resolution names `me`.
 * Entries that never parsed (junk an old client wrote) may be removed by
 * anyone; no update may add junk or turn a thread into junk.
 */
import * as Y from 'yjs';
import { commentsMap, readThread, type CommentThread } from '../../shared/comments/index.ts';

/** A thread read back: null when its fields do not parse. */
interface ThreadView {
  readonly thread: CommentThread | null;
  /** Each message as its JSON text, malformed ones included (compared as a multiset). */
  readonly messages: readonly string[];
  /** The whole entry as JSON text: unchanged entries are not judged again. */
  readonly raw: string;
}

function viewThreads(doc: Y.Doc): Map<string, ThreadView> {
  const views = new Map<string, ThreadView>();
  for (const [key, value] of commentsMap(doc).entries()) {
    const thread = readThread(value);
    const raw: unknown = thread === null ? null : (value as Y.Map<unknown>).get('messages');
    const list =
      raw !== null && typeof raw === 'object' && 'toJSON' in raw
        ? (raw as Y.Array<unknown>).toJSON()
        : [];
    views.set(key, {
      thread: thread !== null && thread.id === key ? thread : null,
      messages: list.map(jsonText),
      raw: jsonText(value instanceof Y.AbstractType ? value.toJSON() : value),
    });
  }
  return views;
}

/** JSON text of any value (`undefined` and functions, which JSON lacks, get a name). */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'undefined';
}

/** Author of a message given as JSON text, or null when it has none. */
function authorOf(json: string): string | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'object' && value !== null && 'author' in value) {
      return typeof value.author === 'string' ? value.author : null;
    }
  } catch {
    return null;
  }
  return null;
}

/** Entries of `a` not matched by an equal entry of `b` (multiset difference). */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const entry of b) left.set(entry, (left.get(entry) ?? 0) + 1);
  const out: string[] = [];
  for (const entry of a) {
    const n = left.get(entry) ?? 0;
    if (n > 0) left.set(entry, n - 1);
    else out.push(entry);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function checkNewThread(view: ThreadView, me: string): string | null {
  const thread = view.thread;
  if (thread === null || thread.malformedMessages > 0)
    return 'a comment thread must be well-formed';
  if (thread.author !== me) return 'a comment thread can only be started as yourself';
  if (thread.messages.some((m) => m.author !== me))
    return 'a comment can only be posted as yourself';
  if (thread.resolved !== null && thread.resolved.by !== me) {
    return 'a thread can only be resolved as yourself';
  }
  return null;
}

function checkChangedThread(before: CommentThread, after: ThreadView, me: string): string | null {
  const thread = after.thread;
  if (thread === null || thread.malformedMessages > before.malformedMessages) {
    return 'a comment thread must stay well-formed';
  }
  if (
    thread.author !== before.author ||
    thread.createdAt !== before.createdAt ||
    thread.id !== before.id
  ) {
    return "a comment thread's author cannot be changed";
  }
  const ownFieldsChanged =
    thread.authorName !== before.authorName ||
    thread.quote !== before.quote ||
    !same(thread.anchor, before.anchor);
  if (ownFieldsChanged && before.author !== me) {
    return "another person's comment thread cannot be changed";
  }
  if (!same(thread.resolved, before.resolved) && thread.resolved !== null) {
    if (thread.resolved.by !== me) return 'a thread can only be resolved as yourself';
  }
  return null;
}

function checkMessages(
  before: readonly string[],
  after: readonly string[],
  me: string,
): string | null {
  for (const removed of minus(before, after)) {
    if (authorOf(removed) !== me) return "another person's comment cannot be changed or deleted";
  }
  for (const added of minus(after, before)) {
    if (authorOf(added) !== me) return 'a comment can only be posted as yourself';
  }
  return null;
}

/**
 * Why the comments of `after` are not `me`'s to have made from `before`, or
 * null when every difference is theirs to make.
 */
export function checkComments(before: Y.Doc, after: Y.Doc, me: string): string | null {
  const old = viewThreads(before);
  const next = viewThreads(after);
  for (const [key, view] of next) {
    const was = old.get(key);
    if (was !== undefined && was.raw === view.raw) continue;
    let refusal: string | null;
    if (was === undefined || was.thread === null) refusal = checkNewThread(view, me);
    else {
      refusal =
        checkChangedThread(was.thread, view, me) ?? checkMessages(was.messages, view.messages, me);
    }
    if (refusal !== null) return refusal;
  }
  for (const [key, was] of old) {
    if (next.has(key) || was.thread === null) continue;
    if (was.thread.author !== me || was.messages.some((m) => authorOf(m) !== me)) {
      return "another person's comment thread cannot be deleted";
    }
  }
  return null;
}
