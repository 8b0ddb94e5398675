/**
 * The relay's one writer of the audit log. Callers on hot paths (a socket's
 * refusal, a REST answer) hand it an entry and carry on: appends run one
 * after another in the background, in the order recorded, so the chain is
 * written in order without anyone awaiting the database. A failed append is
 * logged, never thrown at the caller. Old entries are purged on a timer by
 * the retention policy.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { errorMessage, type Logger } from '../log.ts';
import { verifyChain } from './chain.ts';
import type { AuditInput, AuditStore, AuditVerification } from './types.ts';

/** Appends waiting at most; past this, entries are dropped and counted (a flood must not eat memory). */
const MAX_PENDING = 10_000;

export interface AuditorOptions {
  readonly store: AuditStore;
  /** Epoch ms. */
  readonly now: () => number;
  readonly log: Logger;
  /** How long entries are kept; null keeps them for ever. */
  readonly retentionMs: number | null;
  /** How often old entries are purged. */
  readonly purgeIntervalMs: number;
}

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** The peer address and the client's user agent of a request. */
export function originOf(
  headers: IncomingHttpHeaders,
  remoteAddress: string | undefined,
): RequestOrigin {
  const agent = headers['user-agent'];
  return { ip: remoteAddress ?? null, userAgent: typeof agent === 'string' ? agent : null };
}

export class Auditor {
  readonly #options: AuditorOptions;
  #queue: Promise<void> = Promise.resolve();
  #pending = 0;
  #dropped = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: AuditorOptions) {
    this.#options = options;
    if (options.retentionMs !== null) {
      this.#timer = setInterval(() => {
        void this.purgeNow().catch((err: unknown) => {
          options.log.error('audit purge failed', { error: errorMessage(err) });
        });
      }, options.purgeIntervalMs);
      this.#timer.unref();
    }
  }

  /** Entries dropped because too many appends were waiting. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Queues one entry, stamped now. */
  record(input: AuditInput): void {
    if (this.#pending >= MAX_PENDING) {
      this.#dropped += 1;
      if (this.#dropped === 1 || this.#dropped % 1000 === 0) {
        this.#options.log.error('audit entries dropped: the audit store is not keeping up', {
          dropped: this.#dropped,
        });
      }
      return;
    }
    const at = this.#options.now();
    this.#pending += 1;
    this.#queue = this.#queue
      .then(async () => {
        await this.#options.store.append(input, at);
      })
      .catch((err: unknown) => {
        this.#options.log.error('audit append failed', {
          kind: input.kind,
          error: errorMessage(err),
        });
      })
      .finally(() => {
        this.#pending -= 1;
      });
  }

  /** Resolves once every entry recorded so far is stored (or failed). */
  flush(): Promise<void> {
    return this.#queue;
  }

  /** Checks the whole chain (after storing what is queued). */
  async verify(): Promise<AuditVerification> {
    await this.flush();
    const { store } = this.#options;
    return verifyChain(async (after, limit) => store.after(after, limit));
  }

  /** Purges entries past the retention now; the number purged (0 without a retention). */
  async purgeNow(): Promise<number> {
    const { retentionMs, store, now } = this.#options;
    if (retentionMs === null) return 0;
    await this.flush();
    const at = now();
    // Queued behind other appends, so the checkpoint lands in order.
    const purged = this.#queue.then(() => store.purge(at - retentionMs, at));
    this.#queue = purged.then(
      () => undefined,
      () => undefined,
    );
    return purged;
  }

  /** Stops the purge timer and stores what is queued; the store is closed by its owner. */
  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.flush();
  }
}
