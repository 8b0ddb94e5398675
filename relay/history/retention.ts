/**
 * Which snapshots of one document to keep: a thinning schedule. Snapshots
 * are full copies of a document, so keeping every one would grow with every
 * ten minutes of editing; but a fixed "newest N" cap let one person wipe a
 * note and push every earlier version out with a burst of saves. The rule,
 * by the age of each snapshot:
 *
 * | age              | kept                         |
 * |------------------|------------------------------|
 * | under an hour    | every snapshot               |
 * | under a day      | one per UTC hour             |
 * | under 30 days    | one per UTC day              |
 * | older            | one per week, the newest `maxWeekly` weeks |
 *
 * In each hour, day or week the OLDEST snapshot is the one kept. That makes
 * what is kept of the snapshots older than any moment t independent of what
 * is saved after t: a later snapshot never displaces an earlier one from its
 * bucket, so no sequence of saves (a burst after a wipe included) removes a
 * version older than itself sooner than the schedule would have anyway. The
 * buckets nest (an hour lies in one day, a day in one week, all counted from
 * the epoch in UTC), so thinning again later keeps choosing the same survivors.
 * How many snapshots the last hour may hold is bounded by the per-person rate
 * of manual saves (`manualSnapshotsPerHour`) and the schedule's interval.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** Bands of the schedule: snapshots younger than `underMs` are bucketed by `bucketMs` (0: all kept). */
const BANDS: readonly { readonly underMs: number; readonly bucketMs: number }[] = [
  { underMs: HOUR_MS, bucketMs: 0 },
  { underMs: DAY_MS, bucketMs: HOUR_MS },
  { underMs: 30 * DAY_MS, bucketMs: DAY_MS },
  { underMs: Number.POSITIVE_INFINITY, bucketMs: WEEK_MS },
];

export interface RetentionPolicy {
  /** Most weekly snapshots (those older than 30 days) kept, newest first. */
  readonly maxWeekly: number;
}

/** What the rule needs of a snapshot. */
export interface SnapshotStamp {
  readonly id: string;
  readonly createdAt: number;
}

/**
 * The ids of `snapshots` (one document's, in any order) that the schedule
 * drops at `now`. Ties in `createdAt` are broken by id, so the answer does
 * not depend on the input order.
 */
export function snapshotsToPrune(
  snapshots: readonly SnapshotStamp[],
  now: number,
  policy: RetentionPolicy,
): string[] {
  const oldestFirst = [...snapshots].sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const kept = new Set<string>();
  const taken = new Set<string>();
  const weekly: SnapshotStamp[] = [];
  for (const snapshot of oldestFirst) {
    const age = now - snapshot.createdAt;
    const bandIndex = BANDS.findIndex((b) => age < b.underMs);
    const band = BANDS[bandIndex];
    if (band === undefined) continue;
    if (band.bucketMs === 0) {
      kept.add(snapshot.id);
      continue;
    }
    const bucket = `${String(bandIndex)}:${String(Math.floor(snapshot.createdAt / band.bucketMs))}`;
    if (taken.has(bucket)) continue;
    taken.add(bucket);
    if (band.underMs === Number.POSITIVE_INFINITY) weekly.push(snapshot);
    else kept.add(snapshot.id);
  }
  for (const snapshot of weekly.slice(Math.max(0, weekly.length - policy.maxWeekly))) {
    kept.add(snapshot.id);
  }
  return oldestFirst.filter((s) => !kept.has(s.id)).map((s) => s.id);
}
