import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImageRetry, MISSING_RETRY_MS, type ImageRetry } from './image-retry.ts';

// When a missing image is looked for again (review: a 404
// was polled every 10 s for as long as a note stayed open), on fake timers.

/** A stand-in document whose `hidden` the test sets, firing `visibilitychange`. */
class FakeDocument extends EventTarget {
  hidden = false;
  setHidden(hidden: boolean) {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let retry: ImageRetry | null = null;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  retry?.destroy();
  retry = null;
  vi.useRealTimers();
});

function setup() {
  const doc = new FakeDocument();
  const win = new EventTarget();
  const loads: { key: string; at: number }[] = [];
  const start = Date.now();
  retry = createImageRetry({
    doc,
    win,
    load: (key) => loads.push({ key, at: Date.now() - start }),
  });
  return { retry, doc, win, loads };
}

describe('looking for a missing image again', () => {
  it('backs off from 10 s to minutes for an image the relay does not have, 5 min at most', async () => {
    const { retry: r, loads } = setup();
    // Each load answers 404 again: the service schedules the next look.
    for (let i = 0; i < 6; i += 1) {
      r.schedule('a', 'missing');
      await vi.advanceTimersToNextTimerAsync();
    }
    const gaps = loads.map((l, i) => l.at - (loads[i - 1]?.at ?? 0));
    expect(gaps).toEqual([10_000, 30_000, 120_000, 300_000, 300_000, 300_000]);
    expect(MISSING_RETRY_MS.at(-1)).toBe(300_000);
  });

  it('looks for nothing while the page is hidden and at once when it shows again', async () => {
    const { retry: r, doc, loads } = setup();
    doc.setHidden(true);
    r.schedule('a', 'missing');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(loads).toEqual([]);
    doc.setHidden(false);
    expect(loads.map((l) => l.key)).toEqual(['a']);
  });

  it('looks again at once when the network comes back, and the back-off goes on from there', async () => {
    const { retry: r, win, loads } = setup();
    r.schedule('a', 'missing');
    r.schedule('a', 'missing');
    win.dispatchEvent(new Event('online'));
    expect(loads).toHaveLength(1);
    r.schedule('a', 'missing');
    await vi.advanceTimersByTimeAsync(119_999);
    expect(loads).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(loads).toHaveLength(2);
  });

  it('stops for an image nobody shows any more and starts short again after it came', async () => {
    const { retry: r, loads } = setup();
    r.schedule('a', 'missing');
    r.cancel('a');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(loads).toEqual([]);
    r.schedule('b', 'unreachable');
    await vi.advanceTimersToNextTimerAsync();
    r.schedule('b', 'unreachable');
    await vi.advanceTimersToNextTimerAsync();
    expect(loads.map((l) => l.at)).toEqual([10 * 60_000 + 1000, 10 * 60_000 + 3000]);
    r.succeeded('b');
    r.schedule('b', 'unreachable');
    await vi.advanceTimersToNextTimerAsync();
    expect(loads.at(-1)?.at).toBe(10 * 60_000 + 4000);
  });
});
