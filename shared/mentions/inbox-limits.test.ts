import { describe, expect, it } from 'vitest';
import {
  emptyInboxState,
  indexRoom,
  INBOX_LIMITS,
  InboxStateSchema,
  parseInboxState,
  serializeInboxState,
  type InboxState,
  type MentionEntry,
} from './index.ts';

const opts = { remote: true, me: 'emp-ada', localClient: 1, now: 1000 };

/** A body mention written by another replica (client 7). */
function body(n: number): MentionEntry {
  return {
    kind: 'body',
    id: `b:7:${String(n)}`,
    client: 7,
    label: 'Ada',
    snippet: `#${String(n)}`,
  };
}

function range(from: number, to: number): MentionEntry[] {
  return Array.from({ length: to - from }, (_, i) => body(from + i));
}

describe('indexRoom beyond the per-note limit', () => {
  it('a note with more mentions than perRoom announces only what is new, once', () => {
    const over = INBOX_LIMITS.perRoom + 300;
    let state = indexRoom(emptyInboxState(), 's/n', range(0, over), opts).state;
    expect(state.indexed['s/n']).toHaveLength(INBOX_LIMITS.perRoom);

    // An unrelated change: nothing is new, nothing is announced (before the
    // fix the 300 oldest, not remembered, were announced on every change).
    const again = indexRoom(state, 's/n', range(0, over), opts);
    expect(again.announce).toEqual([]);
    expect(again.state).toBe(state);

    // One new mention: announced, once.
    const added = indexRoom(state, 's/n', range(0, over + 1), opts);
    expect(added.announce.map((e) => e.id)).toEqual([`b:7:${String(over)}`]);
    state = added.state;
    expect(indexRoom(state, 's/n', range(0, over + 1), opts).announce).toEqual([]);
  });

  it('moves the changed note to the end (least recently changed first)', () => {
    let state = emptyInboxState();
    for (const room of ['s/a', 's/b', 's/c']) state = indexRoom(state, room, [body(1)], opts).state;
    state = indexRoom(state, 's/a', [body(1), body(2)], opts).state;
    expect(Object.keys(state.indexed)).toEqual(['s/b', 's/c', 's/a']);
    // Unchanged: the order stays.
    state = indexRoom(state, 's/b', [body(1)], opts).state;
    expect(Object.keys(state.indexed)).toEqual(['s/b', 's/c', 's/a']);
  });
});

describe('serializeInboxState (the stored copy is capped)', () => {
  function bigState(rooms: number): InboxState {
    let state = emptyInboxState();
    for (let r = 0; r < rooms; r += 1) {
      state = indexRoom(state, `space/note${String(r)}`, range(0, 50), opts).state;
      state = indexRoom(state, `space/note${String(r)}`, range(0, 51), opts).state;
    }
    return { ...state, seen: ['space/note0#b:7:0', 'space/note99#b:7:1'] };
  }

  it('is the whole state when it fits', () => {
    const state = bigState(3);
    expect(serializeInboxState(state)).toBe(JSON.stringify(state));
  });

  it('drops the least recently changed notes (and their noticed times) until it fits', () => {
    const state = bigState(100);
    const whole = JSON.stringify(state).length;
    const cap = Math.floor(whole / 3);
    const json = serializeInboxState(state, cap);
    expect(json.length).toBeLessThanOrEqual(cap);
    const stored = parseInboxState(json);
    expect(InboxStateSchema.safeParse(JSON.parse(json)).success).toBe(true);
    const rooms = Object.keys(stored.indexed);
    expect(rooms.length).toBeGreaterThan(20);
    expect(rooms.length).toBeLessThan(100);
    // The newest notes are kept, the oldest left out, in order.
    expect(rooms.at(-1)).toBe('space/note99');
    expect(rooms).not.toContain('space/note0');
    expect(rooms).toEqual(Object.keys(state.indexed).slice(100 - rooms.length));
    for (const key of Object.keys(stored.noticed)) {
      expect(rooms).toContain(key.slice(0, key.indexOf('#')));
    }
    expect(stored.seen).toEqual(state.seen);
    // The state passed in is left alone.
    expect(Object.keys(state.indexed)).toHaveLength(100);
  });

  it('keeps the newest seen marks when they alone are over the cap', () => {
    const state = {
      ...emptyInboxState(),
      seen: Array.from({ length: 64 }, (_, i) => `s/n#b:1:${String(i)}`),
    };
    const json = serializeInboxState(state, 300);
    expect(json.length).toBeLessThanOrEqual(300);
    const stored = parseInboxState(json);
    expect(stored.seen.length).toBeGreaterThan(0);
    expect(stored.seen.at(-1)).toBe('s/n#b:1:63');
  });
});

describe('the quiet-note cache', () => {
  it('forgets a note once it holds a mention of me, and reads old states without it', () => {
    let state = indexRoom(emptyInboxState(), 'team/a', [], opts).state;
    state = { ...state, quiet: { 'team/a': 'AQ==' } };
    expect(indexRoom(state, 'team/a', [], opts).state.quiet).toEqual({ 'team/a': 'AQ==' });
    expect(indexRoom(state, 'team/a', [body(1)], opts).state.quiet).toEqual({});
    expect(parseInboxState('{"v":1,"indexed":{},"seen":[],"noticed":{}}').quiet).toEqual({});
  });

  it('is dropped first when the stored copy is over its cap', () => {
    let state: InboxState = indexRoom(emptyInboxState(), 'team/a', [body(1)], opts).state;
    state = { ...state, seen: ['x'], quiet: { 'team/b': 'Q'.repeat(500) } };
    const stored = parseInboxState(serializeInboxState(state, 300));
    expect(stored.quiet).toEqual({});
    expect(stored.indexed).toEqual(state.indexed);
    expect(stored.seen).toEqual(['x']);
  });
});
