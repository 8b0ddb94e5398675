/**
 * Which snapshots of one note to keep (issue 4 point 8). Snapshots are full
 * copies of a note, so an unbounded history would grow with every ten
 * minutes of editing. The rule, applied after every new snapshot:
 *
 * 1. Everything younger than `keepAllMs` (a day) stays: that is where "undo
 *    this morning's mess" needs fine steps.
 * 2. Older snapshots are thinned to one per UTC day: a person's own "Save
 *    version now" is preferred over a scheduled one (it marks a moment they
 *    chose), then the newest of the day.
 * 3. At most `maxPerDoc` survive, newest first: a hard bound on the storage
 *    one note can take (`maxPerDoc` × its size) whatever the rate of edits
 *    or of manual saves.
 */

/** One day in milliseconds. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Snapshots younger than this are never thinned. */
export const KEEP_ALL_MS = DAY_MS;

export interface RetentionPolicy {
  readonly keepAllMs: number;
  readonly maxPerDoc: number;
}

/** What the rule needs of a snapshot. */
export interface SnapshotStamp {
  readonly id: string;
  readonly createdAt: number;
  readonly reason: 'scheduled' | 'manual';
}

/**
 * The ids of `snapshots` (one note's, in any order) that the rule drops at `now`.
 */
export function snapshotsToPrune(
  snapshots: readonly SnapshotStamp[],
  now: number,
  policy: RetentionPolicy,
): string[] {
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt - a.createdAt);
  const recent: SnapshotStamp[] = [];
  const perDay = new Map<number, SnapshotStamp>();
  for (const snapshot of newestFirst) {
    if (now - snapshot.createdAt < policy.keepAllMs) {
      recent.push(snapshot);
      continue;
    }
    const day = Math.floor(snapshot.createdAt / DAY_MS);
    const chosen = perDay.get(day);
    if (chosen === undefined || (chosen.reason === 'scheduled' && snapshot.reason === 'manual')) {
      perDay.set(day, snapshot);
    }
  }
  const kept = new Set(
    [...recent, ...perDay.values()]
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, Math.max(0, policy.maxPerDoc))
      .map((s) => s.id),
  );
  return newestFirst.filter((s) => !kept.has(s.id)).map((s) => s.id);
}
