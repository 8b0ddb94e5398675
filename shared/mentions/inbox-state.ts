// What the Mentions inbox remembers per person on one device: which mention
// ids each note held when it was last indexed (so only mentions that arrive
// later are announced: no notification storm on first sync or sign-in), which
// ones the person has seen (unread marks), and when a mention without a time
// of its own (a body mention) was first noticed. And which notes held no
// mention of the person at a known local state ("quiet"), so that the next
// start-up reads only the notes that changed since, as the search index does.
import { z } from 'zod';
import { writtenBy, type MentionEntry } from './extract.ts';

/** Bounds so a long-lived profile cannot grow without limit. */
export const INBOX_LIMITS = {
  /** Seen ids kept (the oldest are forgotten first). */
  seen: 5000,
  /** Mention ids remembered per note. */
  perRoom: 2000,
  /** Notes remembered. */
  rooms: 20_000,
} as const;

const IdSchema = z.string().min(1).max(400);

export const InboxStateSchema = z.object({
  v: z.literal(1),
  indexed: z.record(z.string().max(200), z.array(IdSchema).max(INBOX_LIMITS.perRoom)),
  seen: z.array(IdSchema).max(INBOX_LIMITS.seen),
  noticed: z.record(IdSchema, z.number().int().nonnegative()),
  /** Room → base64 local state vector at which it held no mention of me (a cache). */
  quiet: z.record(z.string().max(200), z.string().max(20_000)).default({}),
});
export type InboxState = z.infer<typeof InboxStateSchema>;

export function emptyInboxState(): InboxState {
  return { v: 1, indexed: {}, seen: [], noticed: {}, quiet: {} };
}

/** The stored state, or an empty one when it is missing or unreadable (only unread marks are lost). */
export function parseInboxState(raw: string | null): InboxState {
  if (raw === null) return emptyInboxState();
  try {
    const parsed = InboxStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyInboxState();
  } catch {
    return emptyInboxState();
  }
}

/** A globally unique key for a mention: the room and the mention's id in it. */
export function mentionKey(roomKey: string, entry: Pick<MentionEntry, 'id'>): string {
  return `${roomKey}#${entry.id}`;
}

export interface IndexOptions {
  /** The change came from the relay (another person), not from this device or its local store. */
  readonly remote: boolean;
  /** The signed-in person's sub: their own comments are never announced. */
  readonly me: string;
  /** `doc.clientID` of the local replica: body mentions inserted here are never announced. */
  readonly localClient: number;
  readonly now: number;
}

export interface IndexResult {
  readonly state: InboxState;
  /** Mentions to announce (notify) now. */
  readonly announce: readonly MentionEntry[];
}

/**
 * Records the mentions of `me` a note holds now. The first time a note is
 * indexed its mentions are only recorded (they were there before we looked);
 * afterwards a mention id not recorded before is announced when it came in a
 * remote change and was not written by me. Pure: returns the new state.
 */
export function indexRoom(
  state: InboxState,
  roomKey: string,
  entries: readonly MentionEntry[],
  options: IndexOptions,
): IndexResult {
  const known = state.indexed[roomKey];
  // Only the last perRoom mentions are remembered, so only those are compared:
  // an older one, not remembered, would otherwise look new on every change
  // and be announced again and again.
  const kept = entries.slice(-INBOX_LIMITS.perRoom);
  const ids = kept.map((e) => e.id);
  // The changed room moves to the end: key order is "least recently changed
  // first", which is what the room limit and the storage cap evict.
  const indexed = { ...state.indexed };
  Reflect.deleteProperty(indexed, roomKey);
  indexed[roomKey] = ids;
  const roomKeys = Object.keys(indexed);
  let quiet = state.quiet;
  if (roomKeys.length > INBOX_LIMITS.rooms) {
    quiet = { ...quiet };
    for (const key of roomKeys.slice(0, roomKeys.length - INBOX_LIMITS.rooms)) {
      if (key === roomKey) continue;
      Reflect.deleteProperty(indexed, key);
      Reflect.deleteProperty(quiet, key);
    }
  }
  if (kept.length > 0 && quiet[roomKey] !== undefined) {
    // Not quiet any more: the next start-up must read it to list its mentions.
    quiet = { ...quiet };
    Reflect.deleteProperty(quiet, roomKey);
  }
  if (known === undefined) return { state: { ...state, indexed, quiet }, announce: [] };
  const before = new Set(known);
  const fresh = kept.filter((e) => !before.has(e.id));
  if (fresh.length === 0 && sameIds(ids, known)) return { state, announce: [] };
  const noticed = { ...state.noticed };
  for (const entry of fresh) noticed[mentionKey(roomKey, entry)] = options.now;
  const announce = options.remote
    ? fresh.filter((e) => !writtenBy(e, options.me, options.localClient))
    : [];
  return {
    state: { ...state, indexed, quiet, noticed: pruneNoticed(noticed, indexed) },
    announce,
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Drops noticed times of mentions no note holds any more. */
function pruneNoticed(
  noticed: Record<string, number>,
  indexed: Record<string, string[]>,
): Record<string, number> {
  if (Object.keys(noticed).length <= INBOX_LIMITS.seen) return noticed;
  const live = new Set<string>();
  for (const [room, ids] of Object.entries(indexed))
    for (const id of ids) live.add(`${room}#${id}`);
  return Object.fromEntries(Object.entries(noticed).filter(([key]) => live.has(key)));
}

/** Whether the mention `key` (from {@link mentionKey}) has been seen. */
export function isSeen(state: InboxState, key: string): boolean {
  return state.seen.includes(key);
}

/** Marks mentions as seen; the oldest seen ids are forgotten beyond the limit. */
export function markSeen(state: InboxState, keys: readonly string[]): InboxState {
  const add = keys.filter((key) => !state.seen.includes(key));
  if (add.length === 0) return state;
  return { ...state, seen: [...state.seen, ...add].slice(-INBOX_LIMITS.seen) };
}

/** When a mention happened, where known: a comment's time, or when a body mention was first noticed. */
export function mentionTime(
  state: InboxState,
  roomKey: string,
  entry: MentionEntry,
): number | null {
  if (entry.kind === 'comment') return entry.createdAt;
  return state.noticed[mentionKey(roomKey, entry)] ?? null;
}
