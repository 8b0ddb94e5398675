import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleCheckpointer, type IdleCheckpointerOptions } from './idle-checkpointer.ts';

// Scheduling only: fake timers (and the clock the burst limit reads) stand in
// for time; the real checkpoint is covered in sqlite.test.ts.
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(overrides: Partial<IdleCheckpointerOptions> = {}) {
  const runs: number[] = [];
  const errors: string[] = [];
  const checkpointer = new IdleCheckpointer({
    idleMs: 25,
    maxWrites: 100,
    maxBytes: 1_000_000,
    maxDelayMs: 1000,
    checkpoint: () => runs.push(performance.now()),
    onError: (message) => errors.push(message),
    ...overrides,
  });
  return { checkpointer, runs, errors };
}

describe('IdleCheckpointer', () => {
  it('checkpoints once, idleMs after the last write of a burst, never synchronously', () => {
    const { checkpointer, runs } = setup();
    for (let i = 0; i < 5; i++) {
      checkpointer.noteWrite(10);
      expect(runs).toHaveLength(0);
      vi.advanceTimersByTime(20);
    }
    expect(runs).toHaveLength(0);
    vi.advanceTimersByTime(5);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(1);
  });

  it('checkpoints within maxDelayMs plus idleMs even when writes never pause', () => {
    const { checkpointer, runs } = setup();
    for (let t = 0; t < 1100; t += 10) {
      checkpointer.noteWrite(10);
      vi.advanceTimersByTime(10);
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]).toBeLessThanOrEqual(1000 + 25);
  });

  it('checkpoints at the next turn of the event loop once maxWrites or maxBytes wait', () => {
    const byCount = setup({ maxWrites: 3 });
    for (let i = 0; i < 3; i++) byCount.checkpointer.noteWrite(1);
    expect(byCount.runs).toHaveLength(0);
    vi.advanceTimersToNextTimer();
    expect(byCount.runs).toHaveLength(1);

    const bySize = setup({ maxBytes: 1000 });
    bySize.checkpointer.noteWrite(600);
    bySize.checkpointer.noteWrite(600);
    vi.advanceTimersToNextTimer();
    expect(bySize.runs).toHaveLength(1);
    // Nothing else was left scheduled.
    vi.advanceTimersByTime(5000);
    expect(bySize.runs).toHaveLength(1);
  });

  it('reports a failing checkpoint once and stops scheduling', () => {
    const { checkpointer, errors } = setup({
      checkpoint: () => {
        throw new Error('disk I/O error');
      },
    });
    checkpointer.noteWrite(1);
    vi.advanceTimersByTime(25);
    expect(errors).toEqual(['disk I/O error']);
    checkpointer.noteWrite(1);
    vi.advanceTimersByTime(5000);
    expect(errors).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels a scheduled checkpoint on stop()', () => {
    const { checkpointer, runs } = setup({ maxWrites: 1 });
    checkpointer.noteWrite(1);
    checkpointer.stop();
    checkpointer.noteWrite(1);
    vi.advanceTimersByTime(5000);
    expect(runs).toHaveLength(0);
  });
});
