import { describe, expect, it } from 'vitest';
import { snapshotsToPrune, type SnapshotStamp } from './retention.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
// A Thursday noon, UTC (the epoch's weeks start on Thursdays: any fixed start will do).
const NOW = 1000 * WEEK + 12 * HOUR;
const policy = { maxWeekly: 100 };

function stamp(id: string, ageMs: number): SnapshotStamp {
  return { id, createdAt: NOW - ageMs };
}

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('snapshot thinning schedule', () => {
  it('keeps every snapshot of the last hour', () => {
    const recent = Array.from({ length: 60 }, (_, i) => stamp(`r${String(i)}`, i * MINUTE));
    expect(snapshotsToPrune(recent, NOW, policy)).toEqual([]);
  });

  it('keeps the oldest snapshot of each hour for a day, of each day for a month', () => {
    const base = NOW - (NOW % HOUR);
    const at = (id: string, t: number): SnapshotStamp => ({ id, createdAt: t });
    const snapshots = [
      at('h3-early', base - 3 * HOUR + 5 * MINUTE),
      at('h3-late', base - 3 * HOUR + 50 * MINUTE),
      at('h5-only', base - 5 * HOUR + 10 * MINUTE),
      at('d4-early', base - 4 * DAY - (base % DAY) + HOUR),
      at('d4-late', base - 4 * DAY - (base % DAY) + 20 * HOUR),
    ];
    expect(snapshotsToPrune(snapshots, NOW, policy).sort()).toEqual(['d4-late', 'h3-late']);
  });

  it('keeps one a week beyond a month, at most maxWeekly of them, newest first', () => {
    const weeks = Array.from({ length: 8 }, (_, i) => stamp(`w${String(i)}`, 40 * DAY + i * WEEK));
    expect(snapshotsToPrune(weeks, NOW, { maxWeekly: 3 }).sort()).toEqual([
      'w3',
      'w4',
      'w5',
      'w6',
      'w7',
    ]);
  });

  it('answers the same whatever the input order', () => {
    const snapshots = Array.from({ length: 40 }, (_, i) => stamp(`s${String(i)}`, i * 7 * HOUR));
    const reversed = [...snapshots].reverse();
    expect(snapshotsToPrune(reversed, NOW, policy)).toEqual(
      snapshotsToPrune(snapshots, NOW, policy),
    );
  });

  // The property the schedule exists for: whatever is saved after a moment t
  // (a burst of any size, at any pace), the snapshots older than t that survive
  // are exactly those that would have survived without it, then and later.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'a burst of saves never changes which older snapshots survive (seed %i)',
    (seed) => {
      const next = random(seed);
      const history: SnapshotStamp[] = Array.from({ length: 80 }, (_, i) => ({
        id: `h${String(i)}`,
        createdAt: NOW - Math.floor(next() * 90 * DAY),
      }));
      const burstAt = NOW - Math.floor(next() * 2 * DAY);
      const older = history.filter((s) => s.createdAt < burstAt);
      const burst: SnapshotStamp[] = Array.from({ length: 200 }, (_, i) => ({
        id: `b${String(i)}`,
        createdAt: burstAt + Math.floor(next() * Math.min(HOUR, NOW - burstAt)),
      }));
      for (const later of [0, HOUR, DAY, 10 * DAY]) {
        const at = NOW + later;
        const alone = new Set(snapshotsToPrune(older, at, policy));
        const withBurst = new Set(snapshotsToPrune([...older, ...burst], at, policy));
        for (const s of older) expect([s.id, withBurst.has(s.id)]).toEqual([s.id, alone.has(s.id)]);
      }
    },
  );
});
