import * as Y from 'yjs';
import { uuidv4 } from 'lib0/random';
import {
  COMMENT_LIMITS,
  CommentMessageSchema,
  ThreadFieldsSchema,
  type Anchor,
  type CommentAuthor,
  type CommentMention,
  type CommentMessage,
  type CommentThread,
} from './schema.ts';

/**
 * The top-level Y.Map of a note's Y.Doc that holds its comment threads, keyed
 * by thread id. Comments live in the note's own doc so they sync, persist
 * locally and work offline exactly like the note.
 * Renaming it orphans every stored comment.
 */
export const COMMENTS_FIELD = 'comments';

/** Key of a thread's Y.Array of messages (plain objects, never edited once written). */
const MESSAGES = 'messages';

/** Why a comment action was refused: shown to the person, nothing is written. */
export class CommentError extends Error {
  override name = 'CommentError';
}

/** The comments map of a note's doc. */
export function commentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(COMMENTS_FIELD);
}

/** What a message is made of before it is written. */
export interface MessageInput {
  readonly author: CommentAuthor;
  readonly text: string;
  readonly mentions?: readonly CommentMention[];
  /** Milliseconds since the epoch (injected for tests). */
  readonly now: number;
}

export interface ThreadInput extends MessageInput {
  readonly anchor: Anchor;
  /** The selected text; shortened to COMMENT_LIMITS.quote characters. */
  readonly quote: string;
}

function message(input: MessageInput): CommentMessage {
  const text = input.text.trim();
  if (text === '') throw new CommentError('A comment needs some text.');
  if (text.length > COMMENT_LIMITS.text) {
    throw new CommentError(
      `A comment can be at most ${String(COMMENT_LIMITS.text)} characters (this one has ${String(text.length)}).`,
    );
  }
  // Keep only people still named in the text, once each.
  const seen = new Set<string>();
  const mentions = (input.mentions ?? []).filter((m) => {
    if (seen.has(m.sub) || !text.includes(`@${m.name}`)) return false;
    seen.add(m.sub);
    return true;
  });
  const parsed = CommentMessageSchema.safeParse({
    id: uuidv4(),
    author: input.author.sub,
    authorName: input.author.name.slice(0, COMMENT_LIMITS.name),
    text,
    createdAt: input.now,
    mentions,
  });
  if (!parsed.success) {
    throw new CommentError(
      `This comment cannot be saved: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** Shortens a quote at a character (not UTF-16 unit) boundary, with an ellipsis. */
export function shortenQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (flat.length <= COMMENT_LIMITS.quote) return flat;
  let out = '';
  for (const c of chars) {
    if (out.length + c.length > COMMENT_LIMITS.quote - 1) break;
    out += c;
  }
  return `${out}…`;
}

/**
 * Starts a thread anchored at `input.anchor` with its first message, in one
 * transaction with `origin` (so the editor's undo manager, which tracks only
 * its own origin, never undoes it). Returns the new thread's id.
 */
export function createThread(doc: Y.Doc, input: ThreadInput, origin: unknown): string {
  const first = message(input);
  const id = uuidv4();
  const fields = ThreadFieldsSchema.safeParse({
    id,
    anchor: input.anchor,
    quote: shortenQuote(input.quote),
    author: first.author,
    authorName: first.authorName,
    createdAt: input.now,
    resolved: null,
  });
  if (!fields.success) {
    throw new CommentError(`This thread cannot be saved: ${fields.error.issues[0]?.message ?? ''}`);
  }
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields.data)) thread.set(key, value);
    const messages = new Y.Array<unknown>();
    messages.push([first]);
    thread.set(MESSAGES, messages);
    commentsMap(doc).set(id, thread);
  }, origin);
  return id;
}

function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = commentsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map)) throw new CommentError('This thread no longer exists.');
  return thread as Y.Map<unknown>;
}

/** Adds a reply to a thread. Replying to a resolved thread is allowed (it stays resolved). */
export function replyToThread(
  doc: Y.Doc,
  threadId: string,
  input: MessageInput,
  origin: unknown,
): void {
  const reply = message(input);
  const thread = threadMap(doc, threadId);
  doc.transact(() => {
    let messages = thread.get(MESSAGES);
    if (!(messages instanceof Y.Array)) {
      // A malformed thread gets a fresh list rather than losing the reply.
      messages = new Y.Array<unknown>();
      thread.set(MESSAGES, messages);
    }
    (messages as Y.Array<unknown>).push([reply]);
  }, origin);
}

/** Marks a thread resolved by `by` at `now`. */
export function resolveThread(
  doc: Y.Doc,
  threadId: string,
  by: CommentAuthor,
  now: number,
  origin: unknown,
): void {
  const thread = threadMap(doc, threadId);
  doc.transact(() => {
    thread.set('resolved', { by: by.sub, byName: by.name.slice(0, COMMENT_LIMITS.name), at: now });
  }, origin);
}

/** Opens a resolved thread again. */
export function reopenThread(doc: Y.Doc, threadId: string, origin: unknown): void {
  const thread = threadMap(doc, threadId);
  doc.transact(() => {
    thread.set('resolved', null);
  }, origin);
}

/** The threads of a note, oldest first, and how many entries did not parse. */
export interface ThreadList {
  readonly threads: readonly CommentThread[];
  readonly malformed: number;
}

/** Reads one thread; null when its fields do not parse. */
export function readThread(value: unknown): CommentThread | null {
  if (!(value instanceof Y.Map)) return null;
  const map = value as Y.Map<unknown>;
  const fields = ThreadFieldsSchema.safeParse({
    id: map.get('id'),
    anchor: map.get('anchor'),
    quote: map.get('quote'),
    author: map.get('author'),
    authorName: map.get('authorName'),
    createdAt: map.get('createdAt'),
    resolved: map.get('resolved') ?? null,
  });
  if (!fields.success) return null;
  const raw = map.get(MESSAGES);
  const messages: CommentMessage[] = [];
  let malformedMessages = 0;
  if (raw instanceof Y.Array) {
    for (const item of raw.toArray()) {
      const parsed = CommentMessageSchema.safeParse(item);
      if (parsed.success) messages.push(parsed.data);
      else malformedMessages += 1;
    }
  }
  return { ...fields.data, messages, malformedMessages };
}

/** Every thread of the note's doc, oldest first; malformed entries are skipped and counted. */
export function listThreads(doc: Y.Doc): ThreadList {
  const threads: CommentThread[] = [];
  let malformed = 0;
  for (const [key, value] of commentsMap(doc).entries()) {
    const thread = readThread(value);
    // A thread must sit under its own id, or links to it would point elsewhere.
    if (thread === null || thread.id !== key) malformed += 1;
    else threads.push(thread);
  }
  threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { threads, malformed };
}
