import { describe, expect, it } from 'vitest';
import { createGraceClock, LAST_REFRESH_KEY } from './grace-clock.ts';
import { memoryStore } from './token-set.ts';

const DAY = 24 * 60 * 60 * 1000;

function clockAt(start: number) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    set: (ms: number) => {
      t = ms;
    },
  };
}

describe('grace clock', () => {
  it('is unknown until a refresh succeeds, then counts down to expiry', () => {
    const clock = clockAt(1_000 * DAY);
    const grace = createGraceClock({ graceDays: 3, storage: memoryStore(), now: clock.now });
    expect(grace.status()).toEqual({ state: 'unknown' });
    grace.recordRefresh();
    expect(grace.status()).toEqual({ state: 'ok', remainingMs: 3 * DAY });
    clock.advance(3 * DAY - 1);
    expect(grace.status()).toEqual({ state: 'ok', remainingMs: 1 });
    clock.advance(1);
    expect(grace.status()).toEqual({ state: 'expired', expiredForMs: 0 });
  });

  it('starts over after a successful refresh', () => {
    const clock = clockAt(0);
    const grace = createGraceClock({ graceDays: 1, storage: memoryStore(), now: clock.now });
    grace.recordRefresh();
    clock.advance(2 * DAY);
    expect(grace.status().state).toBe('expired');
    grace.recordRefresh();
    expect(grace.status()).toEqual({ state: 'ok', remainingMs: DAY });
  });

  it('survives a restart (kept in storage) and forgets on clear', () => {
    const storage = memoryStore();
    const clock = clockAt(10 * DAY);
    createGraceClock({ graceDays: 2, storage, now: clock.now }).recordRefresh();
    clock.advance(2 * DAY);
    const restarted = createGraceClock({ graceDays: 2, storage, now: clock.now });
    expect(restarted.status().state).toBe('expired');
    restarted.clear();
    expect(storage.getItem(LAST_REFRESH_KEY)).toBeNull();
    expect(restarted.status()).toEqual({ state: 'unknown' });
  });

  it('cannot be extended by turning the system clock back', () => {
    const clock = clockAt(100 * DAY);
    const grace = createGraceClock({ graceDays: 2, storage: memoryStore(), now: clock.now });
    grace.recordRefresh();
    clock.advance(3 * DAY);
    expect(grace.status().state).toBe('expired');
    clock.set(100 * DAY);
    expect(grace.status().state).toBe('expired');
  });

  it('refuses a limit that is not a whole number of days', () => {
    expect(() => createGraceClock({ graceDays: 0, storage: memoryStore() })).toThrow(RangeError);
    expect(() => createGraceClock({ graceDays: 1.5, storage: memoryStore() })).toThrow(
      /whole number/,
    );
  });
});
