/**
 * Runs tasks one after another, synchronously while nothing is pending. With
 * synchronous storage (SQLite) every task runs inline, so an update goes from
 * socket to storage to peers in one turn of the event loop; with a storage
 * that answers with promises, tasks wait their turn and keep their order.
 */
import type { MaybePromise } from '../storage/types.ts';

export class SerialQueue {
  #tail: Promise<void> | null = null;

  /**
   * Runs `task` now if the queue is idle, otherwise after every earlier
   * task. `task` handles its own errors; a rejection is swallowed so that one
   * failed task never blocks the ones after it.
   */
  run(task: () => MaybePromise<void>): void {
    if (this.#tail === null) {
      const result = task();
      if (result instanceof Promise) this.#track(result);
      return;
    }
    this.#track(this.#tail.then(task));
  }

  /** True while a task is still running or waiting. */
  get busy(): boolean {
    return this.#tail !== null;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.#tail ?? Promise.resolve();
  }

  #track(pending: Promise<void>): void {
    const tail: Promise<void> = pending.then(
      () => {
        if (this.#tail === tail) this.#tail = null;
      },
      () => {
        if (this.#tail === tail) this.#tail = null;
      },
    );
    this.#tail = tail;
  }
}
