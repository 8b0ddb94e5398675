// One measured round of the fan-out benchmark against one relay: connect the
// clients, let one of them send a stream of keystrokes, and time each
// keystroke's arrival at every other client.
import { closeClient, connectClient, connectClients, type BenchClient } from './clients.ts';
import type { RelayProcess } from './relay-process.ts';
import { applyPatch, type Patch } from './trace.ts';

/** A document on one relay that successive rounds keep editing. */
export interface RoomState {
  room: string;
  /** Text the sender starts the room with, inserted in the first round. */
  prefix: string;
  /** Next patch of the stream to send. */
  next: number;
  /** What the text must be after the patches sent so far (plain string replay). */
  expected: string;
}

export interface RoundPlan {
  clients: number;
  warmup: number;
  updates: number;
  patches: readonly Patch[];
  timeoutMs: number;
}

export interface RoundResult {
  /** One sample per (update, receiving client), in milliseconds. */
  latencies: number[];
  /** Relay RSS (KiB) with every client connected, after the last update. */
  rssKiB: number;
}

const TEXT = 'note';
const MARK = 'bench';

/**
 * Runs one round. Updates are sent closed-loop: the next keystroke leaves once
 * every receiver has applied the previous one, so each sample is a latency
 * and not a queue length. Warm-up updates are sent but not recorded.
 */
export async function runRound(
  relay: RelayProcess,
  state: RoomState,
  plan: RoundPlan,
): Promise<RoundResult> {
  // A fresh token per round: a long round must not outlive it (the relay closes at `exp`).
  const params = await relay.params();
  const sender = await connectClient(relay.url, state.room, plan.timeoutMs, params);
  const clients: BenchClient[] = [sender];
  try {
    const text = sender.doc.getText(TEXT);
    if (text.length === 0 && state.prefix.length > 0) {
      text.insert(0, state.prefix);
      state.expected = state.prefix;
    }
    const receivers = await connectClients(
      relay.url,
      state.room,
      plan.clients - 1,
      plan.timeoutMs,
      params,
    );
    clients.push(...receivers);
    await until(
      () => receivers.every((r) => r.doc.getText(TEXT).length === state.expected.length),
      plan.timeoutMs,
      `${relay.name}: receivers did not converge on the starting text`,
    );

    let pending: { seq: number; sentAt: number; remaining: number; done: () => void } | undefined;
    const latencies: number[] = [];
    let record = false;
    for (const receiver of receivers) {
      const mark = receiver.doc.getMap<number>(MARK);
      mark.observe(() => {
        const now = performance.now();
        if (pending === undefined || mark.get('seq') !== pending.seq) return;
        if (record) latencies.push(now - pending.sentAt);
        pending.remaining -= 1;
        if (pending.remaining === 0) pending.done();
      });
    }

    const mark = sender.doc.getMap<number>(MARK);
    for (let i = 0; i < plan.warmup + plan.updates; i++) {
      const patch = plan.patches[state.next];
      if (patch === undefined) throw new Error(`the keystroke stream ran out at ${state.next}`);
      const seq = state.next;
      state.next += 1;
      state.expected = applyPatch(state.expected, patch);
      record = i >= plan.warmup;
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          const missing = pending?.remaining ?? 0;
          reject(new Error(`${relay.name}: update ${seq} missing at ${missing} clients`));
        }, plan.timeoutMs);
        pending = {
          seq,
          sentAt: performance.now(),
          remaining: receivers.length,
          done: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
      // One local transaction per keystroke: the text edit and its sequence mark.
      sender.doc.transact(() => {
        const [position, deleteCount, insert] = patch;
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert.length > 0) text.insert(position, insert);
        mark.set('seq', seq);
      });
      await arrived;
    }
    pending = undefined;

    const rssKiB = relay.memory().rssKiB;
    // A latency figure is worth nothing if the relay lost or garbled edits.
    for (const client of clients) {
      if (client.doc.getText(TEXT).toJSON() !== state.expected) {
        throw new Error(`${relay.name}: a client's text differs from the replayed stream`);
      }
    }
    return { latencies, rssKiB };
  } finally {
    clients.forEach(closeClient);
  }
}

/** Polls a condition on the event loop until it holds or the time is up. */
async function until(condition: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
