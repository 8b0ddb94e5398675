// The audit log at company scale: an admin's query (by person, and by
// person, kind and time range, 100 entries newest first) over 1,000,000
// entries, beside a plain primary-key lookup in the same SQLite database, and
// a full verification of the hash chain. Entries are written the way the
// relay writes them (chained, hashed) but in large transactions, so the
// set-up takes seconds rather than a million commits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GENESIS_HASH, verifyChain } from '../relay/audit/chain.ts';
import { AUDIT_COLUMNS, chainEntry, rowValues } from '../relay/audit/rows.ts';
import { openAuditSqlite, SqliteAuditStore } from '../relay/audit/sqlite-audit-store.ts';
import type { AuditKind } from '../relay/audit/types.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize, type Summary } from './lib/percentiles.ts';
import type { BenchModule } from './lib/types.ts';

const PEOPLE = 2000;
const SPACES = 500;
const DAY_MS = 24 * 60 * 60 * 1000;
const KINDS: readonly AuditKind[] = ['sign-in', 'sign-in', 'sign-in', 'refused', 'member.set'];

/** A fixed-seed generator (mulberry32), so every run writes the same log. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time(fn: () => void, samples: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export const auditQuery: BenchModule = {
  name: 'audit-query',
  title: 'Audit log: admin queries over a million entries',
  run: async (context) => {
    const entries = context.quick ? 100_000 : 1_000_000;
    const samples = context.quick ? 300 : 2000;
    const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-audit-bench-'));
    try {
      const db = openAuditSqlite(dir);
      const insert = db.prepare(
        `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const rand = random(42);
      const start = Date.UTC(2026, 0, 1);
      const span = 365 * DAY_MS;
      let tail: { seq: number; hash: string } | null = null;
      const t0 = performance.now();
      for (let seq = 1; seq <= entries; seq += 10_000) {
        db.exec('BEGIN');
        for (let i = seq; i < Math.min(seq + 10_000, entries + 1); i++) {
          const entry = chainEntry(
            {
              kind: KINDS[Math.floor(rand() * KINDS.length)] ?? 'sign-in',
              actor: `emp-${String(Math.floor(rand() * PEOPLE))}`,
              space: `space-${String(Math.floor(rand() * SPACES))}`,
              ip: '10.0.0.1',
              userAgent: 'Commonplace/1.0 (bench)',
              detail: { via: 'websocket' },
            },
            start + Math.floor(((i - 1) / entries) * span),
            tail,
            GENESIS_HASH,
          );
          insert.run(...rowValues(entry));
          tail = { seq: entry.seq, hash: entry.hash };
        }
        db.exec('COMMIT');
      }
      const fillSeconds = (performance.now() - t0) / 1000;
      context.log(`audit: ${String(entries)} entries written in ${fillSeconds.toFixed(1)} s`);
      const store = new SqliteAuditStore({ db });
      const pick = random(7);
      const person = () => `emp-${String(Math.floor(pick() * PEOPLE))}`;
      const lookup = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq = ?`);
      // Interleaved, so both see the same cache and machine state.
      const rawByPerson = db.prepare(
        `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE actor = ? ORDER BY seq DESC LIMIT 100`,
      );
      const plain: number[] = [];
      const raw: number[] = [];
      const byPerson: number[] = [];
      const filtered: number[] = [];
      for (let round = 0; round < 4; round++) {
        plain.push(...time(() => lookup.get(1 + Math.floor(pick() * entries)), samples / 4));
        raw.push(...time(() => rawByPerson.all(person()), samples / 4));
        byPerson.push(...time(() => store.query({ person: person(), limit: 100 }), samples / 4));
        filtered.push(
          ...time(() => {
            const from = start + Math.floor(pick() * 300) * DAY_MS;
            store.query({
              person: person(),
              kind: 'refused',
              from,
              to: from + 30 * DAY_MS,
              limit: 100,
            });
          }, samples / 4),
        );
      }
      const v0 = performance.now();
      const verified = await verifyChain((after, limit) =>
        Promise.resolve(store.after(after, limit)),
      );
      const verifySeconds = (performance.now() - v0) / 1000;
      store.close();
      return report(
        entries,
        summarize(plain),
        summarize(raw),
        summarize(byPerson),
        summarize(filtered),
        {
          fillSeconds,
          verifySeconds,
          ok: verified.ok,
        },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function report(
  entries: number,
  plain: Summary,
  raw: Summary,
  byPerson: Summary,
  filtered: Summary,
  extra: { fillSeconds: number; verifySeconds: number; ok: boolean },
): string {
  return [
    `${entries.toLocaleString('en')} entries in \`audit.sqlite\` (${String(PEOPLE)} people, ${String(SPACES)} spaces, one year). ` +
      '**peer** = a plain primary-key lookup of one entry in the same database, measured interleaved in the same run. ' +
      'Ratios are query / peer.',
    table(
      ['query', 'samples', 'p50', 'p99', 'p50 ratio', 'p99 ratio'],
      [
        [
          'peer: one entry by `seq`',
          String(plain.count),
          ms(plain.p50),
          ms(plain.p99),
          '1.00×',
          '1.00×',
        ],
        [
          'plain SQL, same index: one person, newest 100 (rows not decoded)',
          String(raw.count),
          ms(raw.p50),
          ms(raw.p99),
          times(ratio(raw.p50, plain.p50)),
          times(ratio(raw.p99, plain.p99)),
        ],
        [
          'audit query: one person, newest 100',
          String(byPerson.count),
          ms(byPerson.p50),
          ms(byPerson.p99),
          times(ratio(byPerson.p50, plain.p50)),
          times(ratio(byPerson.p99, plain.p99)),
        ],
        [
          'audit query: one person, `refused`, a 30-day range, newest 100',
          String(filtered.count),
          ms(filtered.p50),
          ms(filtered.p99),
          times(ratio(filtered.p50, plain.p50)),
          times(ratio(filtered.p99, plain.p99)),
        ],
      ],
    ),
    `Verifying the whole chain (\`audit verify\`): ${extra.verifySeconds.toFixed(1)} s, ` +
      `${Math.round(entries / extra.verifySeconds).toLocaleString('en')} entries/s, ${extra.ok ? 'intact' : 'BROKEN'}. ` +
      `Writing the log in 10,000-entry transactions: ${extra.fillSeconds.toFixed(1)} s.`,
  ].join('\n\n');
}
