/**
 * Property test of the page tree under concurrency:
 * 3 to 5 replicas make random creates, renames, moves, archives and restores
 * while their updates travel in random order, some delayed until the end.
 * After a full sync every replica must compute the identical tree, with no
 * cycle and every created page exactly once.
 *
 * A failing seed is printed in the assertion message. To pin it, add it to
 * REGRESSION_SEEDS below; to run one seed alone:
 *   npx vitest run shared/space-index/convergence.property.test.ts -t "seed 123$"
 */
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SpaceIndexError } from './errors.ts';
import { buildPageTree } from './page-tree.ts';
import { readAllPages } from './schema.ts';
import {
  canonicalTree,
  createReplicas,
  deliver,
  syncAll,
  treeViolations,
  type Replica,
} from './test-replicas.ts';

/**
 * Pinned seeds: ones that once failed, or that cover a tricky case. Each
 * runs on every test run even if RANDOM_SEEDS changes. 4, 6 and 19 end with
 * concurrent cycles (they fail when the cycle breaking in resolve.ts is
 * switched off).
 */
const REGRESSION_SEEDS: readonly number[] = [4, 6, 19];
const RANDOM_SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);

function randomOperation(
  gen: prng.PRNG,
  replica: Replica,
  created: Set<string>,
  nextId: () => string,
): void {
  const tree = replica.index.snapshot();
  const all = tree.list({ includeArchived: true });
  const visible = all.filter((page) => !page.hidden);
  const roll = prng.uint32(gen, 0, 99);
  const pick = <T>(list: readonly T[]): T | undefined =>
    list.length === 0 ? undefined : list[prng.uint32(gen, 0, list.length - 1)];

  if (roll < 15 || all.length < 4) {
    const parent = prng.bool(gen) ? pick(visible) : undefined;
    const parentId = parent?.id ?? null;
    const id = nextId();
    const siblings = tree.children(parentId).length;
    replica.index.create({
      id,
      title: `page ${id}`,
      parentId,
      index: prng.uint32(gen, 0, siblings),
      kind: prng.bool(gen) ? 'note' : 'meeting',
    });
    created.add(id);
    return;
  }
  const page = pick(all);
  if (page === undefined) return;
  if (roll < 22) {
    replica.index.rename(page.id, prng.word(gen, 1, 8));
  } else if (roll < 75) {
    // A move the local tree allows: never into the page itself or its subtree.
    const targets = visible.filter((t) => t.id !== page.id && !tree.isAncestor(page.id, t.id));
    const parentId = prng.uint32(gen, 0, 3) === 0 ? null : (pick(targets)?.id ?? null);
    const siblings = tree.children(parentId).length;
    replica.index.move(page.id, { parentId, index: prng.uint32(gen, 0, siblings) });
  } else if (roll < 85) {
    replica.index.archive(page.id);
  } else if (roll < 95) {
    replica.index.restore(page.id);
  } else {
    replica.index.setIcon(page.id, prng.bool(gen) ? null : prng.oneOf(gen, ['📄', '📅', '🚀']));
  }
}

function randomDelivery(gen: prng.PRNG, replicas: readonly Replica[]): void {
  const from = prng.oneOf(gen, [...replicas]);
  const to = prng.oneOf(
    gen,
    replicas.filter((r) => r !== from),
  );
  const queue = from.outbox.get(to.name) ?? [];
  if (prng.uint32(gen, 0, 9) === 0) {
    syncAll([from, to]); // a reconnect: state exchange between two replicas
  } else if (queue.length > 0) {
    deliver(from, to, prng.uint32(gen, 0, queue.length - 1)); // out of order
  }
}

/**
 * Runs one seed; returns the problems found (empty when all properties hold)
 * and how many pages THE RULE detached from cycles in the final tree.
 */
function runSeed(seed: number): { problems: string[]; detached: number } {
  const gen = prng.create(seed);
  const count = prng.uint32(gen, 3, 5);
  const replicas = createReplicas(count, prng.uint32(gen, 1, 2 ** 30));
  const created = new Set<string>();
  let counter = 0;
  const nextId = () => `p${seed}-${(counter += 1)}`;
  const steps = prng.uint32(gen, 30, 90);
  const problems: string[] = [];

  for (let step = 0; step < steps; step += 1) {
    if (prng.uint32(gen, 0, 99) < 60) {
      const replica = prng.oneOf(gen, replicas);
      try {
        randomOperation(gen, replica, created, nextId);
      } catch (error) {
        if (!(error instanceof SpaceIndexError)) throw error;
        problems.push(`step ${step}: ${replica.name} refused a valid operation: ${error.message}`);
      }
      const local = replica.index.snapshot();
      problems.push(
        ...treeViolations(
          local,
          local.list({ includeArchived: true }).map((p) => p.id),
        ).map((v) => `step ${step} on ${replica.name}: ${v}`),
      );
    } else {
      randomDelivery(gen, replicas);
    }
  }

  syncAll(replicas);
  const first = replicas[0];
  if (first === undefined) return { problems: ['no replicas'], detached: 0 };
  const expected = canonicalTree(first.index.snapshot());
  for (const replica of replicas) {
    const tree = replica.index.snapshot();
    if (canonicalTree(tree) !== expected)
      problems.push(`${replica.name} differs from ${first.name}`);
    problems.push(...treeViolations(tree, created).map((v) => `${replica.name}: ${v}`));
    if (tree.size !== created.size)
      problems.push(`${replica.name} has ${tree.size} pages, ${created.size} created`);
  }
  // The tree depends on the state only, not on the order updates arrived in.
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(first.doc));
  if (canonicalTree(buildPageTree(readAllPages(fresh))) !== expected) {
    problems.push('a fresh replica computes a different tree');
  }
  return { problems, detached: first.index.snapshot().detached.size };
}

describe('page tree convergence (property)', () => {
  const check = (seed: number): void => {
    const { problems } = runSeed(seed);
    const message = `seed ${seed} failed; pin it by adding ${seed} to REGRESSION_SEEDS`;
    expect(problems.join('\n'), message).toBe('');
  };
  it.each(REGRESSION_SEEDS)('regression seed %i', check);
  it.each(RANDOM_SEEDS)('seed %i', check);

  it('really exercises the rule: some seeds end with cycles that had to be broken', () => {
    // Guards the property test itself: without conflicting moves it would prove little.
    const detached = RANDOM_SEEDS.reduce((sum, seed) => sum + runSeed(seed).detached, 0);
    expect(detached).toBeGreaterThan(0);
  });
});
