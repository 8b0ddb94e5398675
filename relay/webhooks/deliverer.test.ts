import { describe, expect, it } from 'vitest';
import { backoffDelay, type BackoffPolicy } from './deliverer.ts';

describe('webhook backoff', () => {
  const policy: BackoffPolicy = { baseMs: 1000, maxMs: 10_000, maxAttempts: 8 };

  it('doubles per failed attempt up to the cap, jittered between half and all of it', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n, 1 - Number.EPSILON))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect([1, 2, 3].map((n) => backoffDelay(policy, n, 0))).toEqual([500, 1000, 2000]);
    const spread = new Set([0.1, 0.5, 0.9].map((r) => backoffDelay(policy, 3, r)));
    expect(spread.size).toBe(3);
    for (const delay of spread) {
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });
});
