/**
 * Which relay URL a client tries next, and how long it waits first. A
 * company deployment may list several relay nodes (or several load
 * balancers): when a connection to one fails or drops, the client moves on
 * to the next in the list, and stays on whichever one works. Back-off grows
 * per full round of failures, so a client with two URLs tries the second
 * one quickly when the first dies, yet a client whose every relay is down
 * does not hammer them. With one URL this is the plain jittered back-off.
 *
 * The delay is "equal jitter" from the AWS Architecture Blog's "Exponential
 * Backoff and Jitter": half fixed so a retry never comes too soon, half
 * random so that after a relay restart its clients do not all return in the
 * same instant (y-websocket's own back-off has no jitter).
 */

export interface BackoffOptions {
  /** First delay before jitter, in ms. */
  readonly baseMs: number;
  /** Cap before jitter, in ms. */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/** Most relay URLs a client is configured with (the host's `relayUrls`). */
export const MAX_RELAY_URLS = 16;

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

/** The next attempt: where, and after how long. */
export interface NextRelay {
  readonly url: string;
  readonly delayMs: number;
}

export interface RelayRotation {
  /** The URL to connect to now. */
  current(): string;
  /**
   * The connection to `current()` failed or dropped: moves to the next URL
   * and says how long to wait before trying it.
   */
  failed(): NextRelay;
  /** A connection synced: stay on this URL, and start the back-off afresh on the next failure. */
  succeeded(): void;
  /** Forgets the back-off (the network came back) without changing URL. */
  resetBackoff(): void;
  /** Consecutive failures since the last success. */
  readonly failures: number;
}

export interface RelayRotationOptions {
  readonly backoff?: BackoffOptions;
  readonly random?: () => number;
  /**
   * Index of the first URL to try. Clients may start at a random one to
   * spread themselves over the nodes when there is no load balancer.
   */
  readonly start?: number;
}

/**
 * A rotation over `urls` (at least one; duplicates are tried once per round).
 * @throws Error when `urls` is empty.
 */
export function createRelayRotation(
  urls: readonly string[],
  options: RelayRotationOptions = {},
): RelayRotation {
  const list = [...new Set(urls)];
  if (list.length === 0) throw new Error('a relay rotation needs at least one URL');
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const start = Math.floor(options.start ?? 0);
  let index = ((start % list.length) + list.length) % list.length;
  let failures = 0;
  const at = (i: number): string => list[i] ?? list[0] ?? '';
  return {
    current: () => at(index),
    failed() {
      failures += 1;
      index = (index + 1) % list.length;
      // Rounds completed before this attempt: a second URL is tried at the
      // first round's delay, the back-off doubling only once all have failed.
      const round = Math.floor((failures - 1) / list.length);
      return { url: at(index), delayMs: backoffDelay(round, backoff, options.random) };
    },
    succeeded() {
      failures = 0;
    },
    resetBackoff() {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}
