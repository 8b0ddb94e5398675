import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoomName } from '../../shared/wire.ts';
import { SnapshotScheduler } from './scheduler.ts';

const INTERVAL = 10_000;

function setup() {
  let now = 0;
  const taken: string[] = [];
  const errors: string[] = [];
  let fail = false;
  const scheduler = new SnapshotScheduler({
    intervalMs: INTERVAL,
    now: () => now,
    take: (room: RoomName) => {
      if (fail) return Promise.reject(new Error('disk full'));
      taken.push(`${room.spaceId}/${room.docId}@${now}`);
      return Promise.resolve();
    },
    onError: (room) => errors.push(room),
  });
  return {
    scheduler,
    taken,
    errors,
    advance: (ms: number) => (now += ms),
    failing: (value: boolean) => (fail = value),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('snapshot schedule', () => {
  it('snapshots a changed note once the interval has passed since its first unsaved change', async () => {
    const s = setup();
    s.scheduler.noteStored('S/note');
    s.advance(INTERVAL - 1);
    s.scheduler.noteStored('S/note');
    expect(s.scheduler.pending).toBe(1);
    s.advance(1);
    s.scheduler.noteStored('S/note');
    await vi.waitFor(() => {
      expect(s.taken).toEqual([`S/note@${INTERVAL}`]);
    });
    // Clean again: the next change starts a new interval.
    s.scheduler.noteStored('S/note');
    expect(s.scheduler.pending).toBe(1);
    await s.scheduler.close();
    expect(s.taken).toHaveLength(1);
  });

  it('takes the snapshot from its timer when the edits stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const s = setup();
    s.scheduler.noteStored('S/quiet');
    s.advance(INTERVAL);
    vi.advanceTimersByTime(INTERVAL);
    await vi.waitFor(() => {
      expect(s.taken).toEqual([`S/quiet@${INTERVAL}`]);
    });
    await s.scheduler.close();
  });

  it('schedules the space index like a note, and never a malformed room', async () => {
    const s = setup();
    s.scheduler.noteStored('S/index');
    s.scheduler.noteStored('not a room');
    expect(s.scheduler.pending).toBe(1);
    await s.scheduler.close();
  });

  it('reports a failed snapshot and tries again an interval later', async () => {
    const s = setup();
    s.failing(true);
    s.scheduler.noteStored('S/flaky');
    s.advance(INTERVAL);
    s.scheduler.noteStored('S/flaky');
    await vi.waitFor(() => {
      expect(s.errors).toEqual(['S/flaky']);
    });
    expect(s.scheduler.pending).toBe(1);
    s.failing(false);
    s.advance(INTERVAL);
    s.scheduler.noteStored('S/flaky');
    await vi.waitFor(() => {
      expect(s.taken).toEqual([`S/flaky@${2 * INTERVAL}`]);
    });
    await s.scheduler.close();
  });
});
