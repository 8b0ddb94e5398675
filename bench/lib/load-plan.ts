// Pure parts of the relay load benchmark: where each client goes, when
// updates are due, how receipts become per-update latencies, and when the
// rate ramp stops. Kept free of sockets and processes so they can be tested.
import { summarize, type Summary } from './percentiles.ts';

/** One simulated person: a global id and the room (document) it edits. */
export interface ClientSpec {
  id: number;
  room: string;
}

/**
 * C clients over D documents, round-robin, so every document has ⌊C/D⌋ or
 * ⌈C/D⌉ clients (a document with a single client has nobody to fan out to,
 * so at least two per document are required).
 */
export function spreadClients(clients: number, docs: number, roomOf: (doc: number) => string) {
  if (!(docs >= 1 && clients >= 2 * docs))
    throw new Error(`need at least two clients per document (${clients} over ${docs})`);
  return Array.from({ length: clients }, (_, id): ClientSpec => ({ id, room: roomOf(id % docs) }));
}

/** Splits items into `parts` contiguous shares whose sizes differ by at most one. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(items.length / parts) + (i < items.length % parts ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/**
 * Open-loop schedule: how many sends are due at `elapsedMs` into a step at
 * `rate` per second, given `sent` already went out. The schedule does not
 * wait for receipts, so a slow relay shows up as latency, not as a lower
 * rate; a driver that falls behind catches up in a burst (and says so).
 */
export function dueSends(rate: number, elapsedMs: number, sent: number): number {
  if (rate <= 0 || elapsedMs < 0) return 0;
  return Math.max(0, Math.floor((elapsedMs * rate) / 1000) - sent);
}

/** A number that names one update: sender id and its sequence number. */
export function updateKey(sender: number, seq: number): number {
  return sender * 1_000_000 + seq;
}

export function senderOf(key: number): number {
  return Math.floor(key / 1_000_000);
}

export interface StepFigures {
  /** Updates sent in the step. */
  sent: number;
  /** Updates that reached every other client of their document. */
  complete: number;
  /** Receipts still missing when the step's drain ended. */
  missingReceipts: number;
  /** Per update: send → the last other client of its document has it (ms). */
  all: Summary | undefined;
  /** Per receipt: send → one other client has it (ms). */
  each: Summary | undefined;
}

/**
 * Turns sends (update key → nothing more is needed than the key) and
 * receipts (update key, latency ms) into per-update "everyone has it"
 * latencies. `receivers(sender)` is how many other clients share the
 * sender's document. Receipts of updates not sent in this step are ignored.
 */
export function aggregate(
  sends: readonly number[],
  receipts: readonly (readonly [number, number])[],
  receivers: (sender: number) => number,
): StepFigures {
  const slowest = new Map<number, { count: number; max: number }>();
  for (const key of sends) slowest.set(key, { count: 0, max: 0 });
  const each: number[] = [];
  for (const [key, latency] of receipts) {
    const entry = slowest.get(key);
    if (entry === undefined) continue;
    entry.count += 1;
    entry.max = Math.max(entry.max, latency);
    each.push(latency);
  }
  const all: number[] = [];
  let missingReceipts = 0;
  for (const [key, entry] of slowest) {
    const expected = receivers(senderOf(key));
    if (entry.count >= expected) all.push(entry.max);
    else missingReceipts += expected - entry.count;
  }
  return {
    sent: sends.length,
    complete: all.length,
    missingReceipts,
    all: all.length > 0 ? summarize(all) : undefined,
    each: each.length > 0 ? summarize(each) : undefined,
  };
}

export interface RampPlan {
  /** Rate of the first step, updates per second in total. */
  start: number;
  /** Each next step's rate is the previous one times this. */
  factor: number;
  /** Most steps, whatever happens. */
  steps: number;
  /** A step passes while its per-update p99 stays at or below this (ms). */
  p99LimitMs: number;
}

export interface RampStep {
  rate: number;
  figures: StepFigures;
  /** p99 of how far behind schedule the sends left (ms): the client drivers' own saturation. */
  lagMs: number;
}

/**
 * Whether a step sustained its rate: every update reached everyone, p99
 * within the limit, and the drivers kept to the schedule (when their sends'
 * p99 delay behind it passes the limit, the drivers measured themselves, not
 * the relay).
 */
export function sustained(plan: RampPlan, step: RampStep): boolean {
  const { figures } = step;
  return (
    figures.all !== undefined &&
    figures.missingReceipts === 0 &&
    figures.all.p99 <= plan.p99LimitMs &&
    step.lagMs <= plan.p99LimitMs
  );
}

/** The next step's rate, or undefined when the ramp is over (a step failed, or the last step ran). */
export function nextRate(plan: RampPlan, done: readonly RampStep[]): number | undefined {
  const last = done.at(-1);
  if (last === undefined) return plan.start;
  if (!sustained(plan, last) || done.length >= plan.steps) return undefined;
  return Math.round(last.rate * plan.factor);
}

/**
 * The highest rate sustained, and whether the ramp ended before finding the
 * limit (every step passed): then the true limit is above the figure.
 */
export function highestSustained(
  plan: RampPlan,
  done: readonly RampStep[],
): { rate: number | undefined; open: boolean } {
  const passed = done.filter((step) => sustained(plan, step));
  const rate = passed.length > 0 ? Math.max(...passed.map((s) => s.rate)) : undefined;
  const last = done.at(-1);
  return { rate, open: last !== undefined && sustained(plan, last) };
}

/**
 * Which of `nodes` relay nodes a client connects to: the k-th client of each
 * document goes to node k mod `nodes`, so every document has clients on
 * every node (spreadClients puts client `id` on document `id mod docs`) and
 * each update must cross between nodes to reach all its readers.
 */
export function nodeOf(client: ClientSpec, docs: number, nodes: number): number {
  return Math.floor(client.id / docs) % nodes;
}
