import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  frameBatchedAwareness,
  type AwarenessChange,
  type FrameScheduler,
} from './batched-awareness.ts';

/** A manual frame clock: `frame()` runs what was scheduled, as a paint would. */
function manualFrames(): { schedule: FrameScheduler; frame: () => void; pending: () => number } {
  let queue: (() => void)[] = [];
  return {
    schedule: (run) => {
      queue.push(run);
      return () => {
        queue = queue.filter((r) => r !== run);
      };
    },
    frame: () => {
      const due = queue;
      queue = [];
      for (const run of due) run();
    },
    pending: () => queue.length,
  };
}

const awarenesses: Awareness[] = [];
function awarenessOf(doc = new Y.Doc()): Awareness {
  const awareness = new Awareness(doc);
  awarenesses.push(awareness);
  return awareness;
}
afterEach(() => {
  for (const a of awarenesses.splice(0)) a.destroy();
});

/** A remote client's state arriving as y-websocket delivers it. */
function receive(local: Awareness, remote: Awareness): void {
  applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
}

describe('frame-batched awareness for remote carets', () => {
  it('merges the changes of one frame into one event', () => {
    const frames = manualFrames();
    const local = awarenessOf();
    const peerA = awarenessOf();
    const peerB = awarenessOf();
    const batched = frameBatchedAwareness(local, frames.schedule);
    const listener = vi.fn<(change: AwarenessChange, origin: unknown) => void>();
    batched.on('change', listener);

    peerA.setLocalStateField('cursor', { at: 1 });
    receive(local, peerA);
    peerB.setLocalStateField('cursor', { at: 2 });
    receive(local, peerB);
    peerA.setLocalStateField('cursor', { at: 3 });
    receive(local, peerA);
    expect(listener).not.toHaveBeenCalled();
    expect(frames.pending()).toBe(1);

    frames.frame();
    expect(listener).toHaveBeenCalledTimes(1);
    const [change] = listener.mock.calls[0] ?? [];
    expect(new Set(change?.added)).toEqual(new Set([peerA.clientID, peerB.clientID]));
    expect(change?.updated).toEqual([peerA.clientID]);
    // The state read at the frame is the latest one.
    expect(batched.getStates().get(peerA.clientID)?.['cursor']).toEqual({ at: 3 });

    // The next change gets a frame of its own.
    peerB.setLocalStateField('cursor', { at: 4 });
    receive(local, peerB);
    frames.frame();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls[1]?.[0]).toEqual({
      added: [],
      updated: [peerB.clientID],
      removed: [],
    });
  });

  it('schedules nothing for renewals that change no state', () => {
    const frames = manualFrames();
    const local = awarenessOf();
    const peer = awarenessOf();
    peer.setLocalStateField('cursor', { at: 1 });
    receive(local, peer);
    const batched = frameBatchedAwareness(local, frames.schedule);
    const change = vi.fn();
    const update = vi.fn();
    batched.on('change', change);
    batched.on('update', update);

    // y-protocols renews an unchanged state every 15 s: 'update' but no 'change'.
    peer.setLocalState(peer.getLocalState());
    receive(local, peer);
    expect(update).toHaveBeenCalledTimes(1);
    expect(frames.pending()).toBe(0);
    frames.frame();
    expect(change).not.toHaveBeenCalled();
  });

  it('passes reads and writes through to the real awareness', () => {
    const frames = manualFrames();
    const local = awarenessOf();
    const batched = frameBatchedAwareness(local, frames.schedule);
    batched.setLocalStateField('user', { name: 'Ada', color: '#E5484D' });
    expect(local.getLocalState()?.['user']).toEqual({ name: 'Ada', color: '#E5484D' });
    expect(batched.getLocalState()).toBe(local.getLocalState());
    expect(batched.clientID).toBe(local.clientID);
    expect(batched.states).toBe(local.states);
    batched.setLocalState(null);
    expect(local.getLocalState()).toBeNull();
  });

  it('leaves no handler or pending frame once the last listener is gone', () => {
    const frames = manualFrames();
    const local = awarenessOf();
    const peer = awarenessOf();
    const batched = frameBatchedAwareness(local, frames.schedule);
    const first = vi.fn();
    const second = vi.fn();
    batched.on('change', first);
    batched.on('change', second);

    peer.setLocalStateField('cursor', { at: 1 });
    receive(local, peer);
    batched.off('change', first);
    expect(frames.pending()).toBe(1);
    batched.off('change', second);
    // The editor is gone: the frame is cancelled and nothing is called.
    expect(frames.pending()).toBe(0);
    peer.setLocalStateField('cursor', { at: 2 });
    receive(local, peer);
    expect(frames.pending()).toBe(0);
    frames.frame();
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();

    // Listening again starts from a clean slate.
    const third = vi.fn<(change: AwarenessChange) => void>();
    batched.on('change', third);
    peer.setLocalStateField('cursor', { at: 3 });
    receive(local, peer);
    frames.frame();
    expect(third.mock.calls).toEqual([
      [{ added: [], updated: [peer.clientID], removed: [] }, 'remote'],
    ]);
  });

  it('does not call a listener removed by another during the flush', () => {
    const frames = manualFrames();
    const local = awarenessOf();
    const batched = frameBatchedAwareness(local, frames.schedule);
    const calls: string[] = [];
    const second = (): void => {
      calls.push('second');
    };
    batched.on('change', () => {
      calls.push('first');
      batched.off('change', second);
    });
    batched.on('change', second);
    const peer = awarenessOf();
    peer.setLocalStateField('cursor', { at: 1 });
    receive(local, peer);
    frames.frame();
    expect(calls).toEqual(['first']);
  });

  it('schedules nothing when only our own caret moved (the plugin draws only others)', () => {
    const frames = manualFrames();
    const local = awarenessOf();
    const batched = frameBatchedAwareness(local, frames.schedule);
    const listener = vi.fn();
    batched.on('change', listener);
    batched.setLocalStateField('cursor', { at: 1 });
    batched.setLocalStateField('cursor', { at: 2 });
    expect(frames.pending()).toBe(0);
    // Still written, so the provider sends it to the others.
    expect(local.getLocalState()?.['cursor']).toEqual({ at: 2 });

    // A frame with our change and a peer's reports the peer's only.
    const peer = awarenessOf();
    batched.setLocalStateField('cursor', { at: 3 });
    peer.setLocalStateField('cursor', { at: 1 });
    receive(local, peer);
    frames.frame();
    expect(listener.mock.calls).toEqual([
      [{ added: [peer.clientID], updated: [], removed: [] }, 'remote'],
    ]);
  });

  it('uses animation frames by default', async () => {
    const local = awarenessOf();
    const batched = frameBatchedAwareness(local);
    const listener = vi.fn();
    batched.on('change', listener);
    const peer = awarenessOf();
    peer.setLocalStateField('cursor', { at: 1 });
    receive(local, peer);
    peer.setLocalStateField('cursor', { at: 2 });
    receive(local, peer);
    expect(listener).not.toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(listener).toHaveBeenCalledTimes(1);
    });
  });
});
