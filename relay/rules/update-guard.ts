/**
 * Cuts off an update that makes Yjs spin or allocate without bound. Yjs's
 * integration is not linear in an update's size: each changed type bubbles
 * its event up through every enclosing type (`callTypeObservers`), so an
 * update touching n types nested n deep costs n² time and memory (about
 * 120 MiB and a second for a 42 KiB update on a 3,000-deep nest). Such an
 * update is first decoded and applied to a copy of its document in a worker
 * thread with `resourceLimits` and a timeout; when the worker runs out of
 * either, it is terminated (a fresh one starts for the next job), the update
 * is neither stored nor broadcast and its sender is closed with 4413.
 *
 * The worker costs a copy of the document per job, so only updates that can
 * be costly go there: those over `updateGuardThresholdBytes` (16 KiB by
 * default: keystrokes and ordinary edits are well under 1 KiB, so they stay
 * on the fast path, and the n² case above stays under ~0.1 s at that size),
 * and those reaching deeper than MAX_PLACE_DEPTH levels of types, where the
 * nesting, not the size, makes the cost (update-shape.ts finds both
 * cheaply). Jobs run one at a time: a room waiting for its verdict waits at
 * most the timeout, and no other room waits at all, since the main thread
 * stays free.
 */
import { Worker } from 'node:worker_threads';
import { errorMessage, type Logger } from '../log.ts';
import type { GuardAnswer, GuardJob } from './guard-worker.ts';

/** The worker's first message (guard-worker.ts's GUARD_READY; not imported: that module runs a worker). */
const READY = 'ready';

/** Where the worker's code is: beside this file when run from source, beside cli.js when built. */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./guard-worker.ts', import.meta.url)
  : new URL('./update-guard-worker.js', import.meta.url);

export type GuardVerdict =
  | { readonly ok: true }
  /** `limit`: time or memory ran out; `invalid`: the update does not decode or apply. */
  | { readonly ok: false; readonly why: 'limit' | 'invalid'; readonly message: string };

export interface UpdateGuardOptions {
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly log: Logger;
}

interface Pending {
  readonly job: GuardJob;
  readonly resolve: (verdict: GuardVerdict) => void;
}

export class UpdateGuard {
  readonly #options: UpdateGuardOptions;
  readonly #queue: Pending[] = [];
  #worker: Worker | null = null;
  /** Whether #worker has loaded (a job's time starts then: loading Yjs is not the update's cost). */
  #ready = false;
  #running: Pending | null = null;
  #timer: NodeJS.Timeout | null = null;
  #nextId = 1;
  #closed = false;

  constructor(options: UpdateGuardOptions) {
    this.#options = options;
  }

  /** Tries `update` on a copy of the document whose full state is `state`. */
  check(state: Uint8Array, update: Uint8Array): Promise<GuardVerdict> {
    if (this.#closed) {
      return Promise.resolve({ ok: false, why: 'limit', message: 'relay shutting down' });
    }
    return new Promise((resolve) => {
      this.#queue.push({ job: { id: this.#nextId++, state, update }, resolve });
      this.#pump();
    });
  }

  /** Stops the worker; jobs still waiting are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiting of this.#queue.splice(0)) {
      waiting.resolve({ ok: false, why: 'limit', message: 'relay shutting down' });
    }
    this.#finish({ ok: false, why: 'limit', message: 'relay shutting down' });
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) await worker.terminate();
  }

  #pump(): void {
    if (this.#running !== null || this.#closed) return;
    const worker = this.#ensureWorker();
    if (!this.#ready) return; // pumped again once it has loaded
    const next = this.#queue.shift();
    if (next === undefined) return;
    this.#running = next;
    this.#timer = setTimeout(() => {
      this.#kill(`took longer than ${String(this.#options.timeoutMs)} ms`);
    }, this.#options.timeoutMs);
    worker.postMessage(next.job);
  }

  #ensureWorker(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(WORKER_URL, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.#options.memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.ceil(this.#options.memoryMb / 8)),
      },
    });
    worker.unref();
    this.#ready = false;
    worker.on('message', (answer: GuardAnswer | typeof READY) => {
      if (answer === READY) {
        if (this.#worker !== worker) return;
        this.#ready = true;
        this.#pump();
        return;
      }
      if (this.#running?.job.id !== answer.id) return;
      this.#finish(
        answer.error === null ? { ok: true } : { ok: false, why: 'invalid', message: answer.error },
      );
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const message =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `needed more than ${String(this.#options.memoryMb)} MiB`
          : errorMessage(err);
      this.#lost(worker, message);
    });
    worker.on('exit', () => {
      this.#lost(worker, 'update guard worker exited');
    });
    this.#worker = worker;
    return worker;
  }

  /**
   * The worker died: the job it ran is refused. One that died before it
   * loaded (it could not start) costs the next waiting job instead, so a
   * worker that can never start refuses large updates rather than respawning
   * for ever.
   */
  #lost(worker: Worker, message: string): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    if (!this.#ready) {
      this.#options.log.error('update guard worker failed to start', { error: message });
      this.#queue
        .shift()
        ?.resolve({ ok: false, why: 'limit', message: 'update guard unavailable' });
    }
    this.#finish({ ok: false, why: 'limit', message });
  }

  #kill(message: string): void {
    const worker = this.#worker;
    this.#worker = null;
    this.#finish({ ok: false, why: 'limit', message });
    if (worker !== null) {
      worker.terminate().catch((err: unknown) => {
        this.#options.log.warn('update guard worker did not stop', { error: errorMessage(err) });
      });
    }
  }

  #finish(verdict: GuardVerdict): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const running = this.#running;
    this.#running = null;
    running?.resolve(verdict);
    this.#pump();
  }
}
