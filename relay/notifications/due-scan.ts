/**
 * The periodic due scan: open action items with an assignee whose due date
 * is tomorrow, or already past, each notify their assignee once per item,
 * date and kind (the event key holds the due date: moving the date is a new
 * event). Dates are calendar days in UTC, the relay's only shared clock; the
 * app shows them in the person's own zone. Several nodes may scan at once:
 * the store's unique key keeps each notification single.
 */
import type { NotificationService } from './service.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Runs one scan at `now`; resolves when every notification is recorded. */
export async function scanDue(service: NotificationService, now: number): Promise<void> {
  const today = isoDay(now);
  const tomorrow = isoDay(now + DAY_MS);
  for (const item of await service.store.dueBy(tomorrow)) {
    const kind =
      item.due === tomorrow ? 'action_item.due' : item.due < today ? 'action_item.overdue' : null;
    if (kind === null) continue;
    await service.record({
      recipient: item.assignee,
      kind,
      eventKey: `${kind}:${item.spaceId}/${item.noteId}/${item.itemId}/${item.due}`,
      spaceId: item.spaceId,
      noteId: item.noteId,
      targetId: item.itemId,
      actor: null,
    });
  }
}

/**
 * Scans now and then every `intervalMs`, one scan at a time, until stopped;
 * `onScanned` hears of each finished scan (so a caller can wait for one
 * instead of guessing how long a scan takes).
 */
export function startDueScan(
  service: NotificationService,
  intervalMs: number,
  now: () => number,
  onScanned: () => void = () => undefined,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = (): void => {
    running = running
      .then(() => scanDue(service, now()))
      .then(onScanned)
      .catch(() => undefined);
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
