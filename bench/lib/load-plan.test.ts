import { describe, expect, it } from 'vitest';
import {
  aggregate,
  dueSends,
  highestSustained,
  nextRate,
  nodeOf,
  senderOf,
  split,
  spreadClients,
  sustained,
  updateKey,
  type RampPlan,
  type RampStep,
  type StepFigures,
} from './load-plan.ts';
import { parseCpuTicks } from './proc-stat.ts';

describe('client placement', () => {
  it('spreads clients round-robin so every document has two or more', () => {
    const clients = spreadClients(7, 3, (doc) => `d${String(doc)}`);
    expect(clients.map((c) => c.room)).toEqual(['d0', 'd1', 'd2', 'd0', 'd1', 'd2', 'd0']);
    expect(clients.map((c) => c.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(() => spreadClients(5, 3, String)).toThrow(/two clients per document/);
  });

  it('splits into near-equal contiguous shares', () => {
    expect(split([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(split([1], 3)).toEqual([[1], [], []]);
  });

  it('puts the clients of every document on both nodes, even with an even document count', () => {
    const clients = spreadClients(8, 4, (doc) => `d${String(doc)}`);
    const nodesOfRoom = new Map<string, Set<number>>();
    for (const client of clients) {
      const nodes = nodesOfRoom.get(client.room) ?? new Set<number>();
      nodes.add(nodeOf(client, 4, 2));
      nodesOfRoom.set(client.room, nodes);
    }
    expect([...nodesOfRoom.values()].map((nodes) => [...nodes].sort())).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
  });
});

describe('open-loop schedule', () => {
  it('makes sends due at the rate, never negative, catching up after a stall', () => {
    expect(dueSends(100, 0, 0)).toBe(0);
    expect(dueSends(100, 10, 0)).toBe(1);
    expect(dueSends(100, 10, 1)).toBe(0);
    expect(dueSends(100, 1_000, 40)).toBe(60);
    expect(dueSends(100, 5, 3)).toBe(0);
    expect(dueSends(0, 1_000, 0)).toBe(0);
  });

  it('names updates by sender and sequence', () => {
    expect(senderOf(updateKey(1_499, 87_000))).toBe(1_499);
    expect(updateKey(2, 5)).not.toBe(updateKey(5, 2));
  });
});

describe('aggregate', () => {
  it('takes the slowest receipt of each update and counts the missing ones', () => {
    const a = updateKey(0, 1);
    const b = updateKey(1, 1);
    const stale = updateKey(0, 0);
    const figures = aggregate(
      [a, b],
      [
        [a, 3],
        [a, 7],
        [b, 2],
        [stale, 99],
      ],
      () => 2,
    );
    expect(figures.sent).toBe(2);
    expect(figures.complete).toBe(1);
    expect(figures.missingReceipts).toBe(1);
    expect(figures.all?.max).toBe(7);
    expect(figures.each?.count).toBe(3);
  });
});

describe('ramp', () => {
  const plan: RampPlan = { start: 100, factor: 2, steps: 3, p99LimitMs: 50 };
  const figures = (p99: number, missingReceipts = 0): StepFigures => ({
    sent: 10,
    complete: 10,
    missingReceipts,
    all: { count: 10, p50: p99 / 2, p99, max: p99, mean: p99 / 2 },
    each: undefined,
  });
  const step = (rate: number, p99: number, extra: Partial<RampStep> = {}): RampStep => ({
    rate,
    figures: figures(p99),
    lagMs: 0,
    ...extra,
  });

  it('passes a step only with every receipt, p99 within the limit and drivers on time', () => {
    expect(sustained(plan, step(100, 50))).toBe(true);
    expect(sustained(plan, step(100, 51))).toBe(false);
    expect(sustained(plan, step(100, 10, { figures: figures(10, 1) }))).toBe(false);
    expect(sustained(plan, step(100, 10, { lagMs: 80 }))).toBe(false);
  });

  it('raises the rate until a step fails or the steps run out', () => {
    expect(nextRate(plan, [])).toBe(100);
    expect(nextRate(plan, [step(100, 10)])).toBe(200);
    expect(nextRate(plan, [step(100, 10), step(200, 60)])).toBeUndefined();
    expect(nextRate(plan, [step(100, 1), step(200, 1), step(400, 1)])).toBeUndefined();
  });

  it('reports the highest sustained rate and whether the limit was found', () => {
    expect(highestSustained(plan, [step(100, 10), step(200, 60)])).toEqual({
      rate: 100,
      open: false,
    });
    expect(highestSustained(plan, [step(100, 10), step(200, 20)])).toEqual({
      rate: 200,
      open: true,
    });
    expect(highestSustained(plan, [step(100, 70)])).toEqual({ rate: undefined, open: false });
  });
});

describe('/proc/<pid>/stat', () => {
  it('reads utime + stime after a command name with spaces and parentheses', () => {
    const stat = '4242 (node (x) y) S 1 4242 4242 0 -1 4194560 500 0 0 0 123 45 0 0 20 0 11 0';
    expect(parseCpuTicks(stat)).toBe(168);
  });
});
