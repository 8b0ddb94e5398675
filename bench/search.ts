// Bench: search across 2,000 notes. Index build time, query time
// p50/p99 and update time of our local index (shared/search, MiniSearch
// with prefix and fuzzy matching, snippets) against a naive case-insensitive
// substring scan over the same texts, measured in the same run: the scan is
// what many note apps do, needs no index, and finds no typos or accents.
import { existsSync } from 'node:fs';
import {
  createNoteIndex,
  loadNoteIndex,
  type NoteIndex,
  type NoteInput,
} from '../shared/search/index.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize, type Summary } from './lib/percentiles.ts';
import { readTrace, replay, syntheticStream } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const NOTES = 2000;
/** Characters per note: a typical meeting note of a page or two. */
const NOTE_LENGTH = 1500;
const LIMIT = 20;

interface Plan {
  builds: number;
  queryRounds: number;
  updates: number;
}
const FULL: Plan = { builds: 5, queryRounds: 5, updates: 500 };
const QUICK: Plan = { builds: 2, queryRounds: 1, updates: 50 };

/** The naive peer: every note lower-cased once, each query scans them all. */
interface Scan {
  notes: { note: NoteInput; haystack: string }[];
}

function buildScan(notes: readonly NoteInput[]): Scan {
  return {
    notes: notes.map((note) => ({ note, haystack: `${note.title}\n${note.text}`.toLowerCase() })),
  };
}

function scanSearch(scan: Scan, query: string): { docId: string; snippet: string }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits: { docId: string; snippet: string }[] = [];
  for (const { note, haystack } of scan.notes) {
    if (!words.every((w) => haystack.includes(w))) continue;
    const at = haystack.indexOf(words[0] ?? '');
    hits.push({ docId: note.docId, snippet: haystack.slice(Math.max(0, at - 60), at + 100) });
    if (hits.length === LIMIT) break;
  }
  return hits;
}

/** Splits a long text into `count` overlapping notes of about NOTE_LENGTH characters. */
export function notesFromText(text: string, count = NOTES): NoteInput[] {
  const step = Math.max(1, Math.floor((text.length - NOTE_LENGTH) / count));
  const notes: NoteInput[] = [];
  for (let i = 0; i < count; i++) {
    let from = (i * step) % Math.max(1, text.length - NOTE_LENGTH);
    while (from > 0 && /\S/.test(text[from - 1] ?? '')) from -= 1; // start at a word
    const body = text.slice(from, from + NOTE_LENGTH).trim();
    const title = body.split(/\s+/).slice(0, 6).join(' ');
    notes.push({
      spaceId: `space${i % 8}`,
      docId: `note${i}`,
      title,
      text: body.slice(title.length).trim(),
      updatedAt: i,
    });
  }
  return notes;
}

/** Deterministic queries drawn from the notes' own words: full words, prefixes, pairs, typos. */
export function queriesFrom(
  notes: readonly NoteInput[],
  perKind: number,
): Record<string, string[]> {
  let state = 7;
  const random = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const words = [
    ...new Set(notes.flatMap((n) => n.text.toLowerCase().match(/\p{L}{6,}/gu) ?? [])),
  ].sort();
  const word = (): string => words[random(words.length)] ?? 'document';
  const kinds: Record<string, string[]> = { word: [], prefix: [], 'two words': [], typo: [] };
  for (let i = 0; i < perKind; i++) {
    kinds['word']?.push(word());
    kinds['prefix']?.push(word().slice(0, 3 + random(3)));
    kinds['two words']?.push(`${word()} ${word()}`);
    const w = word();
    const at = 1 + random(w.length - 2);
    // Swap two neighbouring letters: the commonest typing slip.
    kinds['typo']?.push(`${w.slice(0, at)}${w[at + 1] ?? ''}${w[at] ?? ''}${w.slice(at + 2)}`);
  }
  return kinds;
}

function time(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

async function corpus(context: BenchContext): Promise<{ text: string; source: string }> {
  if (existsSync(context.tracePath)) {
    const trace = await readTrace(context.tracePath);
    const text = trace.endContent.length > 0 ? trace.endContent : replay(trace);
    return { text, source: `final text of the automerge-paper trace (${text.length} characters)` };
  }
  context.log(`trace ${context.tracePath} not found: using synthetic text`);
  let text = syntheticStream(0).prefix;
  for (const patch of syntheticStream(120_000).patches) {
    const [at, del, ins] = patch;
    text = text.slice(0, at) + ins + text.slice(at + del);
  }
  return { text, source: `synthetic text (${text.length} characters; trace not found)` };
}

interface Figures {
  build: Summary;
  query: Map<string, Summary>;
  queryAll: Summary;
  update: Summary;
  hits: Map<string, number>;
}

/** Runs the search benchmark and returns its results.md section. */
export async function runSearchBench(context: BenchContext): Promise<string> {
  const plan = context.quick ? QUICK : FULL;
  const { text, source } = await corpus(context);
  const notes = notesFromText(text);
  const queries = queriesFrom(notes, context.quick ? 20 : 50);
  context.log(
    `search: ${notes.length} notes, ${plan.builds} builds, ${plan.queryRounds} query rounds`,
  );

  let index: NoteIndex = createNoteIndex();
  let scan: Scan = { notes: [] };
  const builds = { ours: [] as number[], peer: [] as number[] };
  for (let i = 0; i < plan.builds; i++) {
    builds.ours.push(
      time(() => {
        index = createNoteIndex();
        for (const note of notes) index.upsert(note);
      }),
    );
    builds.peer.push(time(() => (scan = buildScan(notes))));
  }

  // Persisted index → usable index (app start), against the scan's build.
  const snapshot = JSON.stringify(index);
  const loads: number[] = [];
  for (let i = 0; i < plan.builds; i++) {
    loads.push(time(() => (index = loadNoteIndex(JSON.parse(snapshot)))));
  }

  // One unmeasured pass, so neither side is timed while the JIT compiles it.
  for (const list of Object.values(queries)) {
    for (const query of list) {
      index.search(query, { limit: LIMIT });
      scanSearch(scan, query);
    }
  }

  const samples = { ours: new Map<string, number[]>(), peer: new Map<string, number[]>() };
  const hits = { ours: new Map<string, number>(), peer: new Map<string, number>() };
  for (let round = 0; round < plan.queryRounds; round++) {
    for (const [kind, list] of Object.entries(queries)) {
      for (const query of list) {
        // Alternate which goes first, so caches and drift favour neither.
        const order = round % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const);
        for (const who of order) {
          let found = 0;
          const took = time(() => {
            found =
              who === 'ours'
                ? index.search(query, { limit: LIMIT }).length
                : scanSearch(scan, query).length;
          });
          const into = samples[who].get(kind) ?? [];
          into.push(took);
          samples[who].set(kind, into);
          if (round === 0) hits[who].set(kind, (hits[who].get(kind) ?? 0) + (found > 0 ? 1 : 0));
        }
      }
    }
  }

  // Keeping the index current: one note edited (a word appended), reindexed.
  const updates = { ours: [] as number[], peer: [] as number[] };
  for (let i = 0; i < plan.updates; i++) {
    const old = notes[(i * 7) % notes.length];
    if (old === undefined) continue;
    const edited = { ...old, text: `${old.text} edit${i}`, updatedAt: old.updatedAt + 1 };
    updates.ours.push(time(() => index.upsert(edited)));
    updates.peer.push(
      time(() => {
        const at = scan.notes.findIndex((n) => n.note.docId === edited.docId);
        scan.notes[at] = {
          note: edited,
          haystack: `${edited.title}\n${edited.text}`.toLowerCase(),
        };
      }),
    );
  }

  const figures = (who: 'ours' | 'peer'): Figures => ({
    build: summarize(builds[who]),
    query: new Map([...samples[who]].map(([kind, s]) => [kind, summarize(s)])),
    queryAll: summarize([...samples[who].values()].flat()),
    update: summarize(updates[who]),
    hits: hits[who],
  });
  return report(figures('ours'), figures('peer'), summarize(loads), {
    source,
    notes,
    queries,
    plan,
    snapshotBytes: snapshot.length,
  });
}

export const searchBench: BenchModule = {
  name: 'search',
  title: 'Search across 2,000 notes',
  run: runSearchBench,
};

function report(
  ours: Figures,
  peer: Figures,
  load: Summary,
  meta: {
    source: string;
    notes: NoteInput[];
    queries: Record<string, string[]>;
    plan: Plan;
    snapshotBytes: number;
  },
): string {
  const chars = meta.notes.reduce((sum, n) => sum + n.title.length + n.text.length, 0);
  const perKind = Object.values(meta.queries)[0]?.length ?? 0;
  const row = (label: string, o: Summary, p: Summary): string[] => [
    label,
    ms(o.p50),
    ms(p.p50),
    times(ratio(o.p50, p.p50)),
    ms(o.p99),
    ms(p.p99),
    times(ratio(o.p99, p.p99)),
  ];
  const out: string[] = [
    '**ours** = `shared/search` (MiniSearch index: prefix + fuzzy matching, accents folded, ' +
      'title boosted, snippet with match ranges, top 20); **peer** = a naive case-insensitive ' +
      'substring scan over the same texts (every word must occur; first 20 hits with a raw ' +
      'excerpt). Ratios are ours / peer: below 1 means ours is faster.',
    table(
      ['Measure', 'ours p50', 'peer p50', 'p50 ratio', 'ours p99', 'peer p99', 'p99 ratio'],
      [
        row('Build (all notes)', ours.build, peer.build),
        row('Load persisted index (ours) vs build (peer)', load, peer.build),
        row('Query (all kinds)', ours.queryAll, peer.queryAll),
        ...[...ours.query].map(([kind, o]) => row(`Query: ${kind}`, o, peer.query.get(kind) ?? o)),
        row('Update one note', ours.update, peer.update),
      ],
    ),
    '### Queries with at least one result',
    table(
      ['Kind', 'ours', 'peer'],
      Object.keys(meta.queries).map((kind) => [
        kind,
        `${ours.hits.get(kind) ?? 0} / ${perKind}`,
        `${peer.hits.get(kind) ?? 0} / ${perKind}`,
      ]),
    ),
    [
      '### Method',
      `- Notes: ${meta.notes.length} overlapping windows of about ${NOTE_LENGTH} characters of the ${meta.source}, cut at word boundaries; title = the first six words; ${(chars / 1e6).toFixed(1)} M characters in all, 8 spaces.`,
      `- Queries: ${perKind} of each kind, drawn deterministically from the notes' words of six letters or more: a whole word, a 3–5 letter prefix (as typed), two words, and a word with two neighbouring letters swapped (a typo). The peer finds prefixes too (a substring is a prefix) but no typos.`,
      `- ${meta.plan.builds} builds each; ${meta.plan.queryRounds} rounds over all queries, alternating which side goes first; ${meta.plan.updates} single-note updates (a word appended, the note reindexed). All in one process, timed with performance.now().`,
      `- Our persisted index (\`toJSON\`, notes included) is ${(meta.snapshotBytes / 1024 / 1024).toFixed(1)} MiB of JSON; loading it is timed from the JSON string (parse + \`loadNoteIndex\`). The peer has nothing to persist: its build is the lower-casing of every note.`,
      '- One unmeasured pass over all queries precedes the measured rounds (JIT warm-up, both sides).',
    ].join('\n'),
  ];
  return out.join('\n\n');
}
