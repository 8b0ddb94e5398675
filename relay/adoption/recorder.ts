/**
 * Records adoption activity where the relay already sees it, cheaply:
 * - a person is active in an ISO week when they authenticate (socket or
 *   REST); one insert-or-nothing per person per week, remembered in memory
 *   so that later authentications that week write nothing;
 * - a note is edited when an update of it is stored with its sender; only
 *   the first edit of a note per person per UTC day reaches the database
 *   (memory first, then a unique row), and the first edit of a note ever
 *   counts it as created (the relay stores content, not the app's "new
 *   note" gesture) and its space as active that week.
 * Recording never fails a sign-in or an edit: errors are logged and dropped.
 */
import { parseRoomName, SPACE_INDEX_DOC_ID } from '../../shared/wire.ts';
import type { Logger } from '../log.ts';
import { ANONYMOUS, type Authenticator } from '../pipeline/auth.ts';
import type { DocStorage } from '../storage/types.ts';
import { isoWeek, utcDay } from './iso-week.ts';
import type { ActivityStore } from './sql-activity.ts';
import { passThrough } from '../storage/pass-through.ts';

/** Remembered keys per kind; cleared when the day changes or they grow past this. */
const MEMO_LIMIT = 50_000;

export interface ActivityRecorder {
  /** Wraps `inner` so that every person it admits is marked active this week. */
  signIns(inner: Authenticator): Authenticator;
  /** Wraps `storage` so that stored note updates with a sender count as edits. */
  watch(storage: DocStorage): DocStorage;
  /** Resolves once every write started so far has settled (tests, shutdown). */
  settled(): Promise<void>;
}

export function createActivityRecorder(deps: {
  readonly store: ActivityStore;
  readonly now: () => number;
  readonly log: Logger;
}): ActivityRecorder {
  let day = '';
  const seen = new Set<string>();
  const pending = new Set<Promise<void>>();
  const once = (key: string, at: number): boolean => {
    const today = utcDay(at);
    if (today !== day) {
      day = today;
      seen.clear();
      // Yesterday's markers only deduplicated yesterday's edits.
      track(deps.store.pruneEditDays(today));
    }
    if (seen.has(key)) return false;
    if (seen.size >= MEMO_LIMIT) seen.clear();
    seen.add(key);
    return true;
  };
  const track = (write: Promise<void>): void => {
    const settled = write.catch((err: unknown) => {
      deps.log.warn('adoption activity not recorded', { error: String(err) });
    });
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  };
  const active = (personId: string): void => {
    const at = deps.now();
    const week = isoWeek(at);
    if (once(`a\u0000${personId}\u0000${week}`, at)) track(deps.store.recordActive(personId, week));
  };
  const edit = (personId: string, room: string, at: number): void => {
    const name = parseRoomName(room);
    if (name === null || name.docId === SPACE_INDEX_DOC_ID) return;
    const today = utcDay(at);
    if (!once(`e\u0000${personId}\u0000${room}\u0000${today}`, at)) return;
    track(
      deps.store.recordEdit({
        personId,
        spaceId: name.spaceId,
        noteId: name.docId,
        day: today,
        week: isoWeek(at),
      }),
    );
  };
  return {
    signIns: (inner) => ({
      async authenticate(request) {
        const result = await inner.authenticate(request);
        if (result.ok && result.value.id !== ANONYMOUS.id) active(result.value.id);
        return result;
      },
    }),
    watch: (storage) =>
      passThrough(storage, {
        appendUpdate: (room, update, meta) => {
          const seq = storage.appendUpdate(room, update, meta);
          if (meta?.by !== null && meta?.by !== undefined) edit(meta.by, room, meta.at);
          return seq;
        },
      }),
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
