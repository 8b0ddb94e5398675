// The inbox state as stored (localStorage). localStorage holds about 5 M
// characters per origin, shared with everything else the app keeps there, and
// a write over the quota throws, so the stored copy is capped: the least
// recently changed notes are left out first. A note left out is indexed
// afresh when it is next read, which records its mentions without
// announcing them (inbox-state.ts), so nothing is announced twice.
import type { InboxState } from './inbox-state.ts';

/** Default cap on the stored inbox state, in characters of JSON (about 2 MB as UTF-16). */
export const MAX_STORED_INBOX_CHARS = 1_000_000;

function roomOfNoticed(key: string): string {
  const hash = key.indexOf('#');
  return hash === -1 ? key : key.slice(0, hash);
}

/** Characters an object member adds to the JSON: `"key":value,`. */
function memberLength(key: string, value: unknown): number {
  return JSON.stringify(key).length + 1 + JSON.stringify(value).length + 1;
}

/**
 * The state as JSON of at most `maxChars` characters. Rooms are dropped least
 * recently changed first (the key order of `indexed`, which `indexRoom`
 * keeps), with their noticed times; if that is not enough, the oldest seen
 * marks are dropped too (the quiet-note cache before all of it). The state
 * passed in is not changed.
 */
export function serializeInboxState(
  full: InboxState,
  maxChars: number = MAX_STORED_INBOX_CHARS,
): string {
  const first = JSON.stringify(full);
  if (first.length <= maxChars) return first;
  // The quiet-note cache goes first: losing it costs one read per note at the
  // next start-up, nothing the person sees.
  const state: InboxState = { ...full, quiet: {} };
  const whole = JSON.stringify(state);
  if (whole.length <= maxChars) return whole;

  const noticedByRoom = new Map<string, [string, number][]>();
  for (const entry of Object.entries(state.noticed)) {
    const room = roomOfNoticed(entry[0]);
    const list = noticedByRoom.get(room);
    if (list === undefined) noticedByRoom.set(room, [entry]);
    else list.push(entry);
  }
  const dropped = new Set<string>();
  let estimate = whole.length;
  for (const [room, ids] of Object.entries(state.indexed)) {
    if (estimate <= maxChars) break;
    dropped.add(room);
    estimate -= memberLength(room, ids);
    for (const [key, at] of noticedByRoom.get(room) ?? []) estimate -= memberLength(key, at);
  }
  const indexed = Object.fromEntries(
    Object.entries(state.indexed).filter(([room]) => !dropped.has(room)),
  );
  const noticed = Object.fromEntries(
    Object.entries(state.noticed).filter(([key]) => !dropped.has(roomOfNoticed(key))),
  );
  let seen = state.seen;
  let json = JSON.stringify({ ...state, indexed, noticed, seen });
  // Seen marks alone over the cap (a tiny cap, or huge ids): keep the newest.
  while (json.length > maxChars && seen.length > 0) {
    seen = seen.slice(Math.ceil(seen.length / 2));
    json = JSON.stringify({ ...state, indexed, noticed, seen });
  }
  if (json.length > maxChars)
    json = JSON.stringify({ v: state.v, indexed: {}, seen: [], noticed: {}, quiet: {} });
  return json;
}
