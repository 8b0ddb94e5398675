import { describe, expect, it } from 'vitest';
import { percentileOfSorted, ratio, summarize } from './percentiles.ts';

describe('percentiles (nearest rank)', () => {
  it('picks observed values by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentileOfSorted(values, 50)).toBe(50);
    expect(percentileOfSorted(values, 99)).toBe(99);
    expect(percentileOfSorted(values, 100)).toBe(100);
    expect(percentileOfSorted([7], 99)).toBe(7);
    expect(percentileOfSorted([1, 2, 3], 50)).toBe(2);
  });

  it('summarizes unsorted samples without modifying them', () => {
    const samples = [5, 1, 4, 2, 3];
    const summary = summarize(samples);
    expect(summary).toEqual({ count: 5, p50: 3, p99: 5, max: 5, mean: 3 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('sorts numerically, not as strings', () => {
    expect(summarize([10, 9, 100, 2]).p50).toBe(9);
  });

  it('rejects an empty sample and an out-of-range percentile', () => {
    expect(() => summarize([])).toThrow(/empty/);
    expect(() => percentileOfSorted([1], 0)).toThrow(/\(0, 100\]/);
    expect(() => percentileOfSorted([1], 101)).toThrow(/\(0, 100\]/);
  });

  it('gives ours/peer ratios, NaN without a peer figure', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNaN();
  });
});
