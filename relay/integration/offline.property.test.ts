// The offline property test: 3 to 5 clients make random edits (text
// inserts and deletions, formatting, map entries, new notes and page moves
// in the space index) through random offline periods and relay restarts.
// Then every client and the relay hold the same state, and every edit that
// no recorded operation deleted is there. The seed is in every assertion
// message; a seed that ever fails goes into REGRESSION_SEEDS for good.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openSpaceIndex,
  readAllPages,
  SpaceIndexError,
  type SpaceIndex,
} from '../../shared/space-index/index.ts';
import { tempDataDir } from './helpers.ts';
import { boundaries, Ledger, pick, seededRandom, tokensIn } from './offline-model.ts';
import { Replica, RestartableRelay, snapshot } from './offline-helpers.ts';

/** Seeds that once failed; they run first, forever. */
const REGRESSION_SEEDS: readonly number[] = [];
const SEEDS = [...REGRESSION_SEEDS, ...Array.from({ length: 100 }, (_, i) => 1000 + i)];
const OPS_PER_SEED = 24;
const SPACE = 'prop';
const START_NOTES = ['n0', 'n1'];

const replicas: Replica[] = [];
let relay: RestartableRelay | null = null;
let cleanup: (() => void) | null = null;

afterEach(async () => {
  for (const r of replicas.splice(0)) r.kill();
  await relay?.stop();
  relay = null;
  cleanup?.();
  cleanup = null;
});

/** Lets sockets and timers run a few turns, as a random amount of "time passing". */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

function indexOf(replica: Replica): SpaceIndex {
  return openSpaceIndex(replica.doc('index'), { userId: replica.name });
}

async function runSeed(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const data = tempDataDir();
  cleanup = data.cleanup;
  const r = new RestartableRelay(data.dir, { limits: { shutdownGraceMs: 2_000 } });
  relay = r;
  await r.start();
  const ledger = new Ledger();
  const people = Array.from({ length: 3 + Math.floor(random() * 3) }, (_, i) => {
    const person = new Replica(`p${String(i)}`, () => r.wsUrl, SPACE);
    replicas.push(person);
    return person;
  });
  for (const person of people) {
    await person.open('index');
    for (const note of START_NOTES) await person.open(note);
  }
  let serial = 0;
  const fresh = (): string => `s${String(seed)}x${String((serial += 1))}`;
  const log: string[] = [];

  for (let op = 0; op < OPS_PER_SEED; op++) {
    const person = pick(random, people);
    const notes = person.docIds.filter((id) => id !== 'index');
    const docId = pick(random, notes);
    const text = person.doc(docId).getText('body');
    const roll = random();
    if (roll < 0.3) {
      const token = `{${fresh()}}`;
      text.insert(pick(random, boundaries(text)), token);
      ledger.insert(docId, token);
      log.push(`${person.name} inserts ${token} in ${docId}`);
    } else if (roll < 0.4) {
      const present = tokensIn(text);
      if (present.length > 0) {
        const { token, at } = pick(random, present);
        text.delete(at, token.length);
        ledger.delete(docId, token);
        log.push(`${person.name} deletes ${token} in ${docId}`);
      }
    } else if (roll < 0.48) {
      const present = tokensIn(text);
      if (present.length > 0) {
        const { token, at } = pick(random, present);
        text.format(at, token.length, { bold: random() < 0.5 ? true : null });
        log.push(`${person.name} formats ${token}`);
      }
    } else if (roll < 0.56) {
      const marks = person.doc(docId).getMap('marks');
      const existing = [...marks.keys()];
      if (existing.length > 0 && random() < 0.3) {
        const key = pick(random, existing);
        marks.delete(key);
        ledger.unmark(docId, key);
      } else {
        const key = fresh();
        marks.set(key, { highlight: pick(random, ['yellow', 'green']) });
        ledger.mark(docId, key);
      }
    } else if (roll < 0.66) {
      const index = indexOf(person);
      const parents = [null, ...index.tree().map((n) => n.page.id)];
      const id = fresh();
      index.create({ id, title: `Note ${id}`, parentId: pick(random, parents) });
      ledger.pages.add(id);
      const token = `{${fresh()}}`;
      (await person.open(id)).getText('body').insert(0, token);
      ledger.insert(id, token);
      log.push(`${person.name} creates ${id}`);
    } else if (roll < 0.76) {
      const index = indexOf(person);
      const pages = readAllPages(person.doc('index')).map((p) => p.id);
      if (pages.length > 0) {
        const id = pick(random, pages);
        const parentId = pick(random, [null, ...pages]);
        try {
          index.move(id, { parentId, index: Math.floor(random() * 3) });
          log.push(`${person.name} moves ${id} under ${String(parentId)}`);
        } catch (err) {
          // Refused locally (a cycle, or under itself): a user could not do it either.
          if (!(err instanceof SpaceIndexError)) throw err;
        }
      }
    } else if (roll < 0.9) {
      if (person.online) person.goOffline();
      else person.goOnline();
      log.push(`${person.name} ${person.online ? 'online' : 'offline'}`);
    } else if (r.running === null) {
      await r.start();
      log.push('relay started');
    } else {
      await r.stop();
      log.push('relay stopped');
    }
    await turns(Math.floor(random() * 4));
  }

  // Everyone back: the relay up, every client online, every note opened.
  await r.start();
  for (const person of people) if (!person.online) person.goOnline();
  const context = `seed ${String(seed)} (${log.join('; ')})`;
  const everyNote = (): string[] =>
    [...new Set(people.flatMap((p) => readAllPages(p.doc('index')).map((page) => page.id)))].sort();
  await vi.waitFor(
    () => {
      expect(
        people.map((p) => snapshot(p.doc('index'))),
        context,
      ).toEqual(people.map(() => snapshot(people[0]?.doc('index') ?? p0Missing())));
    },
    { timeout: 15_000, interval: 20 },
  );
  const docIds = ['index', ...START_NOTES, ...everyNote()];
  for (const person of people) for (const id of docIds) await person.open(id);
  const verifier = new Replica('verifier', () => r.wsUrl, SPACE);
  replicas.push(verifier);
  for (const id of docIds) await verifier.open(id);
  const everyone = [...people, verifier];
  await vi.waitFor(
    () => {
      expect(
        everyone.every((p) => p.synced()),
        context,
      ).toBe(true);
      const first = docIds.map((id) => snapshot(verifier.doc(id)));
      for (const person of people) {
        expect(
          docIds.map((id) => snapshot(person.doc(id))),
          `${context}: ${person.name}`,
        ).toEqual(first);
      }
    },
    { timeout: 15_000, interval: 20 },
  );
  for (const id of docIds) {
    expect(ledger.problems(id, verifier.doc(id)), context).toEqual([]);
  }
  const stored = readAllPages(verifier.doc('index')).map((p) => p.id);
  expect(stored.sort(), context).toEqual([...ledger.pages].sort());
  // The tree shows each page exactly once, whatever the concurrent moves did.
  const shown: string[] = [];
  const walk = (nodes: ReturnType<SpaceIndex['tree']>): void => {
    for (const node of nodes) {
      shown.push(node.page.id);
      walk(node.children);
    }
  };
  walk(indexOf(verifier).tree());
  expect(shown.sort(), context).toEqual([...ledger.pages].sort());
}

function p0Missing(): never {
  throw new Error('no clients');
}

describe('offline sync property: random edits, offline periods and relay restarts converge', () => {
  it.each(SEEDS)(
    'seed %i',
    async (seed) => {
      await runSeed(seed);
    },
    40_000,
  );
});
