/**
 * The update guard's worker (update-guard.ts): decodes an untrusted update and
 * applies it to a copy of its document, off the relay's main thread and under
 * the worker's time and memory limits. It answers only whether that finished;
 * the relay then applies the update itself, knowing it is bounded.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/** One job: the document's state and the update to try on it. */
export interface GuardJob {
  readonly id: number;
  readonly state: Uint8Array;
  readonly update: Uint8Array;
}

/** The answer: `error` is set when the update does not decode or apply. */
export interface GuardAnswer {
  readonly id: number;
  readonly error: string | null;
}

/** Sent once the worker has loaded: job time limits start counting only then. */
export const GUARD_READY = 'ready';

parentPort?.on('message', (job: GuardJob) => {
  let error: string | null = null;
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, job.state);
    // Decoding first: applyUpdate skips what it cannot read rather than fail.
    Y.decodeUpdate(job.update);
    Y.applyUpdate(doc, job.update);
  } catch (err) {
    error = err instanceof Error ? err.message : 'undecodable';
  } finally {
    doc.destroy();
  }
  const answer: GuardAnswer = { id: job.id, error };
  parentPort?.postMessage(answer);
});
parentPort?.postMessage(GUARD_READY);
