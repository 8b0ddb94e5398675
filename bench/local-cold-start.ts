// Bench: cold start from the local store with 500 notes: the time
// until the first note is loaded (editable) and until all 500 are, through
// our local store (renderer/sync/local-store.ts) and raw y-indexeddb (the
// peer) loading the same databases.
//
// Node has no IndexedDB: both run on fake-indexeddb, an in-memory
// implementation, so the figures measure the CPU side of loading (reading
// the stored updates, applying them to Y.Docs), not disk I/O.
import 'fake-indexeddb/auto';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { openLocalStore } from '../renderer/sync/local-store.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize } from './lib/percentiles.ts';
import type { BenchModule } from './lib/types.ts';

const FULL = { notes: 500, editsPerNote: 40, rounds: 5 };
const QUICK = { notes: 100, editsPerNote: 10, rounds: 1 };

interface Loader {
  readonly name: string;
  /** Opens the store of `name` into `doc`; resolves when loaded, `close` frees it. */
  open(name: string, doc: Y.Doc): { loaded: Promise<unknown>; close: () => Promise<void> };
}

const LOADERS: readonly Loader[] = [
  {
    name: 'ours',
    open: (name, doc) => {
      const store = openLocalStore(name, doc);
      return { loaded: store.loaded, close: () => store.destroy() };
    },
  },
  {
    name: 'peer',
    open: (name, doc) => {
      const store = new IndexeddbPersistence(name, doc);
      return { loaded: store.whenSynced, close: () => store.destroy() };
    },
  },
];

export const localColdStart: BenchModule = {
  name: 'local-cold-start',
  title: 'Cold start from the local store',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const names = Array.from({ length: plan.notes }, (_, i) => `bench-cold/${String(i)}`);
    context.log(`writing ${String(plan.notes)} notes to the local store`);
    const sizes = await seed(names, plan.editsPerNote);
    const first = new Map<string, number[]>();
    const all = new Map<string, number[]>();
    for (let round = 0; round < plan.rounds; round++) {
      const order = round % 2 === 0 ? LOADERS : [...LOADERS].reverse();
      for (const loader of order) {
        const result = await coldStart(loader, names, sizes);
        first.set(loader.name, [...(first.get(loader.name) ?? []), result.first]);
        all.set(loader.name, [...(all.get(loader.name) ?? []), result.all]);
        context.log(`  round ${String(round + 1)} ${loader.name}: all in ${ms(result.all)}`);
      }
    }
    const row = (name: string): string[] => {
      const f = summarize(first.get(name) ?? []);
      const a = summarize(all.get(name) ?? []);
      const peerAll = summarize(all.get('peer') ?? []);
      const peerFirst = summarize(first.get('peer') ?? []);
      return [
        name,
        ms(f.p50),
        ms(a.p50),
        ms(a.max),
        times(ratio(f.p50, peerFirst.p50)),
        times(ratio(a.p50, peerAll.p50)),
      ];
    };
    return [
      `${String(plan.notes)} notes, each stored as ${String(plan.editsPerNote)} updates (paragraphs typed one at a time, about ${String(Math.round(sizes.reduce((s, n) => s + n, 0) / sizes.length))} characters per note), opened all at once as the app does at start. **ours** = \`openLocalStore\` of \`renderer/sync/local-store.ts\`; **peer** = raw \`IndexeddbPersistence\` (y-indexeddb). Ratios ours / peer.`,
      table(
        ['Store', 'first note p50', 'all notes p50', 'all notes max', 'first ratio', 'all ratio'],
        [row('ours'), row('peer')],
      ),
      [
        '### Method',
        `- ${String(plan.rounds)} rounds per store, alternating which goes first; each round opens fresh Y.Docs over the same databases and checks every note's length.`,
        '- On fake-indexeddb (in memory; Node has no IndexedDB): figures are the CPU cost of loading, not disk I/O. Our store is a thin layer over y-indexeddb, so a ratio near 1 is the expected result; it guards against that layer adding work.',
      ].join('\n'),
    ].join('\n\n');
  },
};

async function seed(names: readonly string[], edits: number): Promise<number[]> {
  const sizes: number[] = [];
  for (const [i, name] of names.entries()) {
    const doc = new Y.Doc();
    const store = new IndexeddbPersistence(name, doc);
    await store.whenSynced;
    const text = doc.getText('body');
    if (text.length === 0) {
      for (let e = 0; e < edits; e++) {
        text.insert(
          text.length,
          `Paragraph ${String(e)} of note ${String(i)}: decisions, owners, dates.\n`,
        );
      }
    }
    sizes.push(text.length);
    // A read that queues behind the writes: when it answers, they are stored.
    await store.get('flush');
    await store.destroy();
    doc.destroy();
  }
  return sizes;
}

async function coldStart(loader: Loader, names: readonly string[], sizes: readonly number[]) {
  const t0 = performance.now();
  let first = Number.NaN;
  const opened = names.map((name) => {
    const doc = new Y.Doc();
    const store = loader.open(name, doc);
    const loaded = store.loaded.then(() => {
      if (Number.isNaN(first)) first = performance.now() - t0;
    });
    return { doc, store, loaded };
  });
  await Promise.all(opened.map((o) => o.loaded));
  const allLoaded = performance.now() - t0;
  for (const [i, { doc }] of opened.entries()) {
    if (doc.getText('body').length !== sizes[i])
      throw new Error(`note ${String(i)} loaded incompletely`);
  }
  await Promise.all(
    opened.map(async ({ doc, store }) => {
      await store.close();
      doc.destroy();
    }),
  );
  return { first, all: allLoaded };
}
