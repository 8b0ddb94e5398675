import { describe, expect, it } from 'vitest';
import { backoffDelay, createRelayRotation } from './relay-rotation.ts';

const A = 'wss://a.example.com';
const B = 'wss://b.example.com';
const C = 'wss://c.example.com';
const backoff = { baseMs: 100, maxMs: 1_000 };
/** Always the top of the jitter range, so delays are exact. */
const top = (): number => 0.999_999;

describe('relay rotation', () => {
  it('moves to the next URL on each failure, wrapping around', () => {
    const rotation = createRelayRotation([A, B, C], { backoff, random: top });
    expect(rotation.current()).toBe(A);
    expect(rotation.failed().url).toBe(B);
    expect(rotation.current()).toBe(B);
    expect(rotation.failed().url).toBe(C);
    expect(rotation.failed().url).toBe(A);
  });

  it('stays on a URL that works', () => {
    const rotation = createRelayRotation([A, B], { backoff, random: top });
    rotation.failed();
    rotation.succeeded();
    expect(rotation.current()).toBe(B);
    expect(rotation.failures).toBe(0);
    expect(rotation.current()).toBe(B);
  });

  it('backs off per full round of failures and starts afresh after a success', () => {
    const rotation = createRelayRotation([A, B], { backoff, random: top });
    const delays = Array.from({ length: 6 }, () => rotation.failed().delayMs);
    // Round 0 (both URLs once) at the base delay, then doubling per round.
    expect(delays).toEqual([100, 100, 200, 200, 400, 400]);
    rotation.succeeded();
    expect(rotation.failed().delayMs).toBe(100);
  });

  it('with one URL, is the plain jittered back-off on that URL', () => {
    const rotation = createRelayRotation([A], { backoff, random: top });
    const attempts = Array.from({ length: 5 }, () => rotation.failed());
    expect(attempts.map((a) => a.url)).toEqual([A, A, A, A, A]);
    expect(attempts.map((a) => a.delayMs)).toEqual(
      [0, 1, 2, 3, 4].map((n) => backoffDelay(n, backoff, top)),
    );
    expect(attempts.at(-1)?.delayMs).toBe(1_000); // capped at maxMs
  });

  it('keeps every delay within [d/2, d] whatever the jitter', () => {
    for (const r of [0, 0.5, 0.999]) {
      const rotation = createRelayRotation([A, B], { backoff, random: () => r });
      const { delayMs } = rotation.failed();
      expect(delayMs).toBeGreaterThanOrEqual(50);
      expect(delayMs).toBeLessThanOrEqual(100);
    }
  });

  it('can start anywhere in the list, and tries each URL once per round', () => {
    expect(createRelayRotation([A, B, C], { start: 2 }).current()).toBe(C);
    expect(createRelayRotation([A, B, C], { start: 7 }).current()).toBe(B);
    expect(createRelayRotation([A, B, C], { start: -1 }).current()).toBe(C);
    const rotation = createRelayRotation([A, A, B]);
    expect([rotation.failed().url, rotation.failed().url]).toEqual([B, A]);
    expect(() => createRelayRotation([])).toThrow(/at least one URL/);
  });
});
