import { describe, expect, it } from 'vitest';
import { snapshotsToPrune, type SnapshotStamp } from './retention.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = 100 * DAY + 12 * HOUR;
const policy = { keepAllMs: DAY, maxPerDoc: 100 };

function stamp(id: string, ageMs: number, reason: SnapshotStamp['reason'] = 'scheduled') {
  return { id, createdAt: NOW - ageMs, reason };
}

describe('snapshot retention', () => {
  it('keeps every snapshot of the last day', () => {
    const recent = Array.from({ length: 30 }, (_, i) => stamp(`r${i}`, i * 10 * 60 * 1000));
    expect(snapshotsToPrune(recent, NOW, policy)).toEqual([]);
  });

  it('thins older snapshots to one per day: the newest, or a manual save when there is one', () => {
    const old = [
      stamp('d2-late', 2 * DAY),
      stamp('d2-early', 2 * DAY + HOUR),
      stamp('d3-manual', 3 * DAY + 2 * HOUR, 'manual'),
      stamp('d3-late', 3 * DAY),
      stamp('d3-early', 3 * DAY + 3 * HOUR),
    ];
    expect(snapshotsToPrune(old, NOW, policy).sort()).toEqual(['d2-early', 'd3-early', 'd3-late']);
  });

  it('never keeps more than maxPerDoc, dropping the oldest', () => {
    const many = Array.from({ length: 10 }, (_, i) => stamp(`s${i}`, i * HOUR));
    expect(snapshotsToPrune(many, NOW, { ...policy, maxPerDoc: 4 })).toEqual([
      's4',
      's5',
      's6',
      's7',
      's8',
      's9',
    ]);
  });
});
