/**
 * A per-person rate: a token bucket per person id, `limit` tokens that
 * refill evenly over `windowMs`. A burst of up to `limit` passes at once;
 * after it the person gets one more every `windowMs / limit`, and a refusal
 * says how long until the next one (the `Retry-After` of the answer).
 *
 * Written here rather than taken from a library: the rate-limit packages on
 * npm are Express/Fastify middlewares keyed by IP; the relay keys by the
 * verified person and needs an injectable clock for its tests.
 */

export type RateResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Milliseconds until one more call would pass. */ readonly retryAfterMs: number;
    };

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before full ones are swept: a full bucket is the same as none. */
const SWEEP_AT = 10_000;

export class PersonRate {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  /**
   * @param limit calls per window (at least 1)
   * @param windowMs the window, in milliseconds
   * @param now epoch milliseconds; `Date.now` by default (tests inject a clock)
   */
  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    if (!Number.isFinite(limit) || limit < 1) throw new Error('a rate needs a limit of at least 1');
    if (!(windowMs > 0)) throw new Error('a rate needs a positive window');
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Takes one call for `person`, or says how long they must wait. */
  take(person: string): RateResult {
    const now = this.#now();
    const bucket = this.#refilled(person, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const perTokenMs = this.#windowMs / this.#limit;
    return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) * perTokenMs) };
  }

  /** People with a bucket that is not full (tests). */
  get tracked(): number {
    return this.#buckets.size;
  }

  #refilled(person: string, now: number): Bucket {
    let bucket = this.#buckets.get(person);
    if (bucket === undefined) {
      if (this.#buckets.size >= SWEEP_AT) this.#sweep(now);
      bucket = { tokens: this.#limit, at: now };
      this.#buckets.set(person, bucket);
      return bucket;
    }
    // A clock that goes back refills nothing (and takes nothing away).
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.#limit, bucket.tokens + (elapsed * this.#limit) / this.#windowMs);
    bucket.at = now;
    return bucket;
  }

  #sweep(now: number): void {
    for (const [person, bucket] of this.#buckets) {
      const elapsed = Math.max(0, now - bucket.at);
      if (bucket.tokens + (elapsed * this.#limit) / this.#windowMs >= this.#limit) {
        this.#buckets.delete(person);
      }
    }
  }
}
