// A token bucket: up to `capacity` events at once, then one per `refillMs`.
// Used to keep native notifications from flooding the desktop when a
// co-editor adds mentions in a burst (notifications.ts).

export interface TokenBucketOptions {
  /** Tokens available when full (the burst). */
  readonly capacity: number;
  /** One token is added every this many milliseconds, up to `capacity`. */
  readonly refillMs: number;
  readonly now: () => number;
}

export interface TokenBucket {
  /** Takes a token if one is available; false when the bucket is empty. */
  take(): boolean;
  /** Milliseconds until a token is available (0 when one is now). */
  msUntilToken(): number;
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { capacity, refillMs, now } = options;
  if (!(capacity >= 1) || !(refillMs > 0)) {
    throw new RangeError('token bucket: capacity must be at least 1 and refillMs positive');
  }
  let tokens = capacity;
  let last = now();
  const refill = (): void => {
    const at = now();
    // A clock that goes back (a system time change) adds nothing.
    const elapsed = Math.max(0, at - last);
    tokens = Math.min(capacity, tokens + elapsed / refillMs);
    last = at;
  };
  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    msUntilToken() {
      refill();
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * refillMs);
    },
  };
}
