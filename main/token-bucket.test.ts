import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket.ts';

describe('token bucket', () => {
  it('allows the burst, then one token per interval, never more than capacity', () => {
    let now = 1000;
    const bucket = createTokenBucket({ capacity: 3, refillMs: 100, now: () => now });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.msUntilToken()).toBe(100);
    now += 40;
    expect(bucket.msUntilToken()).toBe(60);
    now += 60;
    expect(bucket.take()).toBe(true);
    now += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('a clock that goes back adds nothing', () => {
    let now = 5000;
    const bucket = createTokenBucket({ capacity: 1, refillMs: 100, now: () => now });
    expect(bucket.take()).toBe(true);
    now = 0;
    expect(bucket.take()).toBe(false);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => createTokenBucket({ capacity: 0, refillMs: 100, now: () => 0 })).toThrow(
      RangeError,
    );
  });
});
