/**
 * The outbox's worker, one per relay node: it claims due deliveries (each
 * under a lease, so no other node takes it meanwhile), posts them signed,
 * and records the outcome: delivered on 2xx, otherwise a retry after an
 * exponentially growing, jittered delay, until the last allowed attempt
 * marks it failed. Every attempt of an event carries the same event id and
 * body; only the signature's timestamp is new.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { EVENT_ID_HEADER, EVENT_KIND_HEADER, SIGNATURE_HEADER } from '../../shared/webhooks-api.ts';
import { errorMessage, type Logger } from '../log.ts';
import { signatureHeader } from './signature.ts';
import { guardedLookup, targetProblem } from './target.ts';
import type { AttemptOutcome, ClaimedDelivery, WebhookStore } from './types.ts';

/** Retry schedule: attempt n (1-based) that failed waits `baseMs·2^(n-1)` (capped), jittered. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 30_000,
  maxMs: 6 * 60 * 60 * 1000,
  maxAttempts: 8,
};

/** Delay before the attempt after `failedAttempts`; `random` in [0, 1) spreads it over [½, 1]×. */
export function backoffDelay(
  policy: BackoffPolicy,
  failedAttempts: number,
  random: number,
): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exp * (0.5 + random / 2));
}

export interface DelivererOptions {
  readonly store: WebhookStore;
  readonly log: Logger;
  readonly backoff: BackoffPolicy;
  /** Timeout of one POST, connect to answer. */
  readonly timeoutMs: number;
  /** How long a claim keeps other nodes away; longer than `timeoutMs`. */
  readonly leaseMs: number;
  /** Longest sleep between looks at the outbox (rows queued by other nodes). */
  readonly pollMs: number;
  readonly allowLocalTargets: boolean;
  readonly userAgent: string;
  readonly now?: () => number;
  readonly random?: () => number;
}

const BATCH = 20;

export class WebhookDeliverer {
  readonly #o: DelivererOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;

  constructor(options: DelivererOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
  }

  start(): void {
    this.kick();
  }

  /** Looks at the outbox now (after queueing: no wait for the next poll). */
  kick(): void {
    if (this.#closed) return;
    if (this.#running !== null) {
      this.#again = true;
      return;
    }
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#running = this.#run()
      .catch((err: unknown) => {
        this.#o.log.error('webhook delivery failed', { error: errorMessage(err) });
      })
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        } else {
          void this.#sleep();
        }
      });
  }

  async #run(): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const claims = await this.#o.store.claim(this.#now(), this.#o.leaseMs, BATCH);
      if (claims.length === 0) return;
      await Promise.all(claims.map((claim) => this.#attempt(claim)));
    }
  }

  async #sleep(): Promise<void> {
    if (this.#closed) return;
    let due: number | null;
    try {
      due = await this.#o.store.nextDue();
    } catch {
      due = null;
    }
    if (this.#idleOrClosed()) return;
    const wait = Math.max(0, Math.min(this.#o.pollMs, (due ?? Infinity) - this.#now()));
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.kick();
    }, wait);
    this.#timer.unref();
  }

  /** Re-read after an await: a kick or close may have come meanwhile. */
  #idleOrClosed(): boolean {
    return this.#closed || this.#running !== null;
  }

  async #attempt(claim: ClaimedDelivery): Promise<void> {
    const hook = await this.#o.store.get(claim.webhookId);
    let outcome: AttemptOutcome;
    if (hook === null || !hook.enabled) {
      outcome = this.#failure(claim, null, 'webhook disabled', true);
    } else {
      const problem = targetProblem(hook.url, this.#o.allowLocalTargets);
      outcome =
        problem !== null
          ? this.#failure(claim, null, problem, true)
          : await this.#post(hook.url, hook.secret, claim);
    }
    const recorded = await this.#o.store.settle(claim, outcome);
    if (!recorded) this.#o.log.warn('webhook lease ran out', { event: claim.eventId });
  }

  #failure(
    claim: ClaimedDelivery,
    status: number | null,
    error: string,
    final = false,
  ): AttemptOutcome {
    const attempts = claim.attempts + 1;
    if (final || attempts >= this.#o.backoff.maxAttempts) {
      return { kind: 'failed', status, error, nextAttemptAt: 0 };
    }
    const delay = backoffDelay(this.#o.backoff, attempts, this.#random());
    return { kind: 'retry', status, error, nextAttemptAt: this.#now() + delay };
  }

  #post(url: string, secret: string, claim: ClaimedDelivery): Promise<AttemptOutcome> {
    const timestamp = Math.floor(this.#now() / 1000);
    const body = Buffer.from(claim.payload, 'utf8');
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        url,
        {
          method: 'POST',
          timeout: this.#o.timeoutMs,
          lookup: guardedLookup(this.#o.allowLocalTargets),
          headers: {
            'content-type': 'application/json',
            'content-length': String(body.byteLength),
            'user-agent': this.#o.userAgent,
            [EVENT_ID_HEADER]: claim.eventId,
            [EVENT_KIND_HEADER]: claim.kind,
            [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, claim.payload),
          },
        },
        (res) => {
          // The answer's body is of no use; read it away so the socket is freed.
          res.resume();
          const status = res.statusCode ?? 0;
          res.on('end', () => {
            resolve(
              status >= 200 && status < 300
                ? { kind: 'delivered', status, at: this.#now() }
                : this.#failure(claim, status, `HTTP ${String(status)}`),
            );
          });
          res.on('error', (err) => {
            resolve(this.#failure(claim, status, errorMessage(err)));
          });
        },
      );
      req.on('timeout', () => {
        req.destroy(new Error(`no answer within ${String(this.#o.timeoutMs)} ms`));
      });
      req.on('error', (err) => {
        resolve(this.#failure(claim, null, errorMessage(err).slice(0, 300)));
      });
      req.end(body);
    });
  }

  /** Stops looking; waits for attempts in flight to be recorded. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
