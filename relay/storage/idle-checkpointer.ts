/**
 * When to checkpoint the relay's SQLite WAL. A checkpoint copies the WAL into
 * the database file and fsyncs it. SQLite's automatic checkpoint does that
 * inside whichever commit crosses its 1000-page threshold, i.e. between
 * persisting an update and broadcasting it; this schedules it on the main
 * thread in a macrotask of its own instead, once writes pause (or after a
 * bounded amount of them under sustained load), never inside a commit.
 *
 * Why not a worker thread (what the relay used before): a worker is a second
 * V8 isolate and Node environment, measured at ~18 MiB of RSS as plain JS and
 * ~36 MiB as TypeScript (type stripping loads again per isolate), against a
 * relay of ~100 MiB. A PASSIVE checkpoint of a small WAL costs ~0.3–1.5 ms
 * here (1–100 updates), so running it between messages, while the WAL is
 * kept small, costs little latency (fan-out p50/p99 compared in bench/,
 * see relay/README.md "Storage and durability").
 */

/** When checkpoints run: after a pause in writes, or after a bounded burst. */
export interface CheckpointSchedule {
  /** Quiet time after the last write before checkpointing. */
  readonly idleMs: number;
  /** Checkpoint at the next turn of the event loop once this many writes wait… */
  readonly maxWrites: number;
  /** …or once this many bytes were written since the last checkpoint. */
  readonly maxBytes: number;
  /** Checkpoint at most this long (plus idleMs) after a write even if writes never pause. */
  readonly maxDelayMs: number;
}

export interface IdleCheckpointerOptions extends CheckpointSchedule {
  /** Runs the checkpoint (`PRAGMA wal_checkpoint(PASSIVE)`); may throw. */
  readonly checkpoint: () => void;
  /** Called once if a checkpoint throws; checkpointing then stops. */
  readonly onError: (message: string) => void;
}

/** Default schedule: small WALs, so each checkpoint stays around a millisecond. */
export const DEFAULT_CHECKPOINT_SCHEDULE: CheckpointSchedule = {
  idleMs: 25,
  maxWrites: 100,
  maxBytes: 4 * 1024 * 1024,
  maxDelayMs: 1000,
};

/** Schedules WAL checkpoints on the event loop after bursts of writes. */
export class IdleCheckpointer {
  readonly #options: IdleCheckpointerOptions;
  #timer: NodeJS.Timeout | null = null;
  #immediate: NodeJS.Immediate | null = null;
  #firstWriteAt = 0;
  #writes = 0;
  #bytes = 0;
  #stopped = false;

  constructor(options: IdleCheckpointerOptions) {
    this.#options = options;
  }

  /**
   * Records one committed write of `bytes`. Never checkpoints synchronously:
   * the caller is between persisting an update and broadcasting it.
   */
  noteWrite(bytes: number): void {
    if (this.#stopped) return;
    this.#writes += 1;
    this.#bytes += bytes;
    if (this.#immediate !== null) return;
    const { idleMs, maxWrites, maxBytes, maxDelayMs } = this.#options;
    if (this.#writes >= maxWrites || this.#bytes >= maxBytes) {
      this.#clearTimer();
      this.#immediate = setImmediate(this.#run);
      this.#immediate.unref();
      return;
    }
    const now = performance.now();
    if (this.#timer === null) {
      this.#firstWriteAt = now;
      this.#timer = setTimeout(this.#run, idleMs);
      this.#timer.unref();
    } else if (now - this.#firstWriteAt < maxDelayMs) {
      // Still a burst: push the checkpoint back until it pauses.
      this.#timer.refresh();
    }
  }

  /** Cancels any scheduled checkpoint; later writes are ignored. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
    if (this.#immediate !== null) clearImmediate(this.#immediate);
    this.#immediate = null;
  }

  readonly #run = (): void => {
    this.#clearTimer();
    this.#immediate = null;
    this.#writes = 0;
    this.#bytes = 0;
    if (this.#stopped) return;
    try {
      this.#options.checkpoint();
    } catch (err) {
      this.stop();
      this.#options.onError(err instanceof Error ? err.message : String(err));
    }
  };

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
