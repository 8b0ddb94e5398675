// The expert finder at company scale: "who knows about X?" over 10,000 notes
// written by 2,000 people, beside a plain note search over the same notes,
// measured interleaved in the same run. Both go through the relay's own
// service (relay/knowledge): the authorizer is asked per space (real
// SQLite space store), the in-memory text index ranks notes, the authorship
// and profiles come from a real `knowledge.sqlite`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { knowledgeSqlite } from '../relay/knowledge/runner.ts';
import { KnowledgeService } from '../relay/knowledge/service.ts';
import { SqlKnowledgeStore } from '../relay/knowledge/sql-store.ts';
import { NoteTextIndex } from '../relay/knowledge/text-index.ts';
import type { EditTally } from '../relay/knowledge/types.ts';
import { createSpaceAuthorizer } from '../relay/spaces/authorizer.ts';
import { SqliteSpaceStore } from '../relay/spaces/sqlite-store.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize } from './lib/percentiles.ts';
import type { BenchModule } from './lib/types.ts';

const TOPICS = [
  'kubernetes',
  'billing',
  'onboarding',
  'postgres',
  'security',
  'design',
  'roadmap',
  'hiring',
  'latency',
  'pricing',
  'compliance',
  'mobile',
  'search',
  'analytics',
  'migration',
  'payments',
];
const FILLER = ['the', 'plan', 'review', 'notes', 'team', 'next', 'steps', 'draft', 'meeting'];

/** A fixed-seed generator (mulberry32), so every run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const id = (prefix: string, n: number): string => `${prefix}${String(n).padStart(8, '0')}`;

export const expertQuery: BenchModule = {
  name: 'expert-query',
  title: 'Expert finder: "who knows about X?" over 10,000 notes and 2,000 people',
  run: async (context) => {
    const notes = context.quick ? 2_000 : 10_000;
    const people = context.quick ? 400 : 2_000;
    const spaces = 100;
    const samples = context.quick ? 60 : 400;
    const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-expert-bench-'));
    const rand = random(11);
    const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    try {
      const spaceStore = new SqliteSpaceStore({ dataDir: dir });
      const store = new SqlKnowledgeStore(knowledgeSqlite(dir));
      const asker = 'emp-asker';
      for (let p = 0; p < people; p++) {
        spaceStore.upsertPerson({ id: `emp-${String(p)}`, name: `Person ${String(p)}` });
      }
      spaceStore.upsertPerson({ id: asker, name: 'Asker' });
      // The asker is in 80 of the 100 spaces; the other 20 are private to someone else.
      for (let s = 0; s < spaces; s++) {
        const spaceId = id('space', s);
        spaceStore.createSpace(
          { id: spaceId, name: `Space ${String(s)}` },
          s < 80 ? asker : 'emp-0',
        );
      }
      const t0 = performance.now();
      const tallies: EditTally[] = [];
      for (let n = 0; n < notes; n++) {
        const spaceId = id('space', n % spaces);
        const docId = id('doc', n);
        const topic = pickOf(TOPICS);
        const words = Array.from({ length: 120 }, () =>
          rand() < 0.1 ? pickOf(TOPICS) : pickOf(FILLER),
        );
        await store.putText({
          spaceId,
          docId,
          title: `${topic} ${pickOf(FILLER)} ${String(n)}`,
          text: words.join(' '),
          updatedAt: 1 + n,
        });
        const authors = 1 + Math.floor(rand() * 4);
        for (let a = 0; a < authors; a++) {
          tallies.push({
            spaceId,
            docId,
            person: `emp-${String(Math.floor(rand() * people))}`,
            edits: 1 + Math.floor(rand() * 200),
            firstAt: 1,
            lastAt: 2,
          });
        }
      }
      await store.addEdits(tallies);
      for (let p = 0; p < people; p++) {
        await store.setProfile(
          {
            person: `emp-${String(p)}`,
            skills: rand() < 0.3 ? [pickOf(TOPICS)] : [],
            askMeAbout: [],
            expertOptIn: rand() < 0.5,
          },
          1,
        );
      }
      const service = new KnowledgeService({
        store,
        index: new NoteTextIndex(store),
        spaces: spaceStore,
        authorizer: createSpaceAuthorizer(spaceStore),
        defaultOptIn: false,
        now: () => 0,
      });
      const principal = { id: asker };
      await service.search(principal, 'warm up');
      const fillSeconds = (performance.now() - t0) / 1000;
      context.log(
        `expert-query: ${String(notes)} notes, ${String(people)} people in ${fillSeconds.toFixed(1)} s`,
      );
      const plain: number[] = [];
      const expert: number[] = [];
      let found = 0;
      for (let i = 0; i < samples; i++) {
        const q = pickOf(TOPICS);
        const a = performance.now();
        await service.search(principal, q);
        plain.push(performance.now() - a);
        const b = performance.now();
        found += (await service.experts(principal, q)).length;
        expert.push(performance.now() - b);
      }
      await store.close();
      spaceStore.close();
      const p = summarize(plain);
      const e = summarize(expert);
      return [
        `${notes.toLocaleString('en')} notes in ${String(spaces)} spaces (the asker may read 80), ` +
          `${people.toLocaleString('en')} people (half opted in, 30% declaring a skill), 1–4 authors per note; ` +
          `one-word topic queries. **peer** = a plain note search (\`GET /api/search\`'s service call) ` +
          `over the same notes, measured interleaved. Corpus built in ${fillSeconds.toFixed(1)} s.`,
        table(
          ['query', 'samples', 'p50', 'p99', 'p50 ratio', 'p99 ratio'],
          [
            ['peer: note search, 50 best', String(p.count), ms(p.p50), ms(p.p99), '1.00×', '1.00×'],
            [
              'expert finder, 20 people with evidence',
              String(e.count),
              ms(e.p50),
              ms(e.p99),
              times(ratio(e.p50, p.p50)),
              times(ratio(e.p99, p.p99)),
            ],
          ],
        ),
        `Experts listed per query on average: ${(found / samples).toFixed(1)}.`,
      ].join('\n\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
