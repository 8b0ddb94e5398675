import type { Awareness } from 'y-protocols/awareness';

/** Awareness 'change' payload (y-protocols): client ids, by kind of change. */
export interface AwarenessChange {
  readonly added: number[];
  readonly updated: number[];
  readonly removed: number[];
}

type ChangeListener = (change: AwarenessChange, origin: unknown) => void;
type UpdateListener = (change: AwarenessChange, origin: unknown) => void;

/** Runs `run` once, later; returns a function that cancels it. */
export type FrameScheduler = (run: () => void) => () => void;

/** Before the next paint: coalescing finer than this is never visible. */
export const nextAnimationFrame: FrameScheduler = (run) => {
  const id = requestAnimationFrame(() => {
    run();
  });
  return () => {
    cancelAnimationFrame(id);
  };
};

/**
 * The part of y-protocols' Awareness that CollaborationCaret and
 * y-tiptap's yCursorPlugin use, so the wrapper can stand in for it.
 */
export interface CaretAwareness {
  readonly clientID: number;
  readonly states: Awareness['states'];
  getStates(): Awareness['states'];
  getLocalState(): ReturnType<Awareness['getLocalState']>;
  setLocalState(state: Parameters<Awareness['setLocalState']>[0]): void;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change' | 'update', listener: ChangeListener | UpdateListener): void;
  off(event: 'change' | 'update', listener: ChangeListener | UpdateListener): void;
}

/**
 * An awareness for CollaborationCaret whose 'change' events reach listeners
 * at most once per frame, and only when someone else's state changed.
 *
 * y-tiptap's cursor plugin answers every 'change' with a ProseMirror
 * transaction that rebuilds all caret decorations and updates the whole
 * view; with several peers moving their carets (and our own caret moving on
 * every key) those pile up between two frames, and a key pressed meanwhile
 * waits behind them. Only the last state of a frame is ever painted, so the
 * changes of one frame are merged into one event. 'update' (every renewal,
 * changed or not; CollaborationCaret keeps its user list from it) and every
 * read and write pass straight through to the real awareness, which stays
 * the one the provider sends.
 */
export function frameBatchedAwareness(
  awareness: Awareness,
  schedule: FrameScheduler = nextAnimationFrame,
): CaretAwareness {
  const listeners = new Set<ChangeListener>();
  const added = new Set<number>();
  const updated = new Set<number>();
  const removed = new Set<number>();
  let origin: unknown = null;
  let cancel: (() => void) | null = null;

  const flush = (): void => {
    cancel = null;
    const change: AwarenessChange = {
      added: [...added],
      updated: [...updated],
      removed: [...removed],
    };
    const from = origin;
    added.clear();
    updated.clear();
    removed.clear();
    origin = null;
    // A listener may unsubscribe another (its view destroyed) while we call.
    for (const listener of [...listeners]) {
      if (listeners.has(listener)) listener(change, from);
    }
  };
  const onChange = (change: AwarenessChange, from: unknown): void => {
    // Our own caret moves on every key, but the cursor plugin draws only
    // other people's carets (its filter skips our client id): a change to our
    // state alone would rebuild every caret decoration in the frame that
    // should show the key, for nothing.
    const own = awareness.clientID;
    let remote = false;
    for (const [ids, into] of [
      [change.added, added],
      [change.updated, updated],
      [change.removed, removed],
    ] as const) {
      for (const id of ids) {
        if (id === own) continue;
        into.add(id);
        remote = true;
      }
    }
    if (!remote) return;
    origin = from;
    cancel ??= schedule(flush);
  };

  return {
    get clientID() {
      return awareness.clientID;
    },
    get states() {
      return awareness.states;
    },
    getStates: () => awareness.getStates(),
    getLocalState: () => awareness.getLocalState(),
    setLocalState: (state) => {
      awareness.setLocalState(state);
    },
    setLocalStateField: (field, value) => {
      awareness.setLocalStateField(field, value);
    },
    on: (event, listener) => {
      if (event === 'update') {
        awareness.on('update', listener);
        return;
      }
      // Subscribed only while someone listens, so a closed editor leaves no
      // handler (or pending frame) on the provider's awareness.
      if (listeners.size === 0) awareness.on('change', onChange);
      listeners.add(listener);
    },
    off: (event, listener) => {
      if (event === 'update') {
        awareness.off('update', listener);
        return;
      }
      listeners.delete(listener);
      if (listeners.size > 0) return;
      awareness.off('change', onChange);
      cancel?.();
      cancel = null;
      added.clear();
      updated.clear();
      removed.clear();
    },
  };
}
