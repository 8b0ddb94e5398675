/**
 * Reconnect back-off with jitter. y-websocket's own
 * back-off is `min(2^n * 100 ms, maxBackoffTime)` with no jitter, so after a
 * relay restart every client of every note would come back in the same
 * instants (a thundering herd). The registry therefore takes reconnecting
 * over (reconnect.ts) and waits `backoffDelay` instead: "equal jitter" from
 * the AWS Architecture Blog's "Exponential Backoff and Jitter", half fixed
 * so a retry never comes too soon, half random so clients spread out.
 */
export interface BackoffOptions {
  /** First delay before jitter, in ms. */
  readonly baseMs: number;
  /** Cap before jitter, in ms. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * The wait before reconnect attempt `attempt` (0 for the first retry):
 * uniformly in `[d/2, d]` with `d = min(maxMs, baseMs * 2^attempt)`.
 * `random` returns a number in `[0, 1)` (Math.random; injected in tests).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
