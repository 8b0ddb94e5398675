// Percentiles by the nearest-rank method: every reported figure is a latency
// that was actually observed, never an interpolation between two of them.

/** Summary of a set of latency samples, in the samples' own unit. */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** The p-th percentile (0 < p <= 100) of ascending-sorted values, nearest rank. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of an empty sample');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  const value = sorted[rank - 1];
  if (value === undefined) throw new Error(`rank ${rank} outside a sample of ${sorted.length}`);
  return value;
}

/** Count, p50, p99, max and mean of unsorted samples (the input is not modified). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const values = Array.from(sorted);
  const total = values.reduce((sum, v) => sum + v, 0);
  return {
    count: values.length,
    p50: percentileOfSorted(values, 50),
    p99: percentileOfSorted(values, 99),
    max: percentileOfSorted(values, 100),
    mean: total / values.length,
  };
}

/** ours / peer, or NaN when the peer figure is zero or missing. */
export function ratio(ours: number, peer: number): number {
  return peer > 0 ? ours / peer : Number.NaN;
}
