import { fragmentToJson } from '../../../shared/markdown/index.ts';
import type { NodeJSON } from '../../../shared/meeting/node-json.ts';
import { formatRoomName, type RoomName } from '../../../shared/wire.ts';
import type { AppState, AppStore } from '../../store/index.ts';
import type { DocRegistry } from '../../sync/index.ts';

/** How long one note may take to sync with the relay before its local copy is used. */
export const NOTE_SYNC_TIMEOUT_MS = 20_000;

/** A note's body (ProseMirror JSON, for Markdown), or why it could not be had. */
export type LoadedNote =
  | { readonly ok: true; readonly doc: NodeJSON; readonly fresh: boolean }
  | { readonly ok: false; readonly reason: string };

export interface LoadNoteOptions {
  /** Wait for the relay's copy (online); otherwise the local store is enough. */
  readonly online: boolean;
  readonly timeoutMs?: number;
}

type Outcome = 'synced' | 'local' | 'refused' | 'timeout';

/** Where the note stands in the store now, or null while it must still be waited for. */
function outcome(state: AppState, key: string, online: boolean): Outcome | null {
  const room = state.rooms[key];
  if (room?.localLoaded !== true) return null;
  if (room.firstSyncDone) return 'synced';
  if (room.closed !== null) return 'refused';
  if (!online || state.network === 'offline') return 'local';
  return null;
}

/**
 * Opens `room` through the doc registry (as an editor would, so it loads
 * from the local store and syncs with the relay), waits for its local load
 * and, when online, for its first sync, then reads its body as JSON, for
 * Markdown once its images are known. A note never synced here and not reachable now is
 * reported, never exported as an empty file.
 */
export async function loadNote(
  registry: DocRegistry,
  store: AppStore,
  room: RoomName,
  options: LoadNoteOptions,
): Promise<LoadedNote> {
  const handle = registry.open(room);
  const release = registry.retain(handle);
  const key = formatRoomName(room);
  try {
    const result = await new Promise<Outcome>((resolve) => {
      const check = (state: AppState) => {
        const now = outcome(state, key, options.online);
        if (now === null) return;
        finish(now);
      };
      const timer = setTimeout(() => {
        finish('timeout');
      }, options.timeoutMs ?? NOTE_SYNC_TIMEOUT_MS);
      const unsubscribe = store.subscribe(check);
      function finish(value: Outcome) {
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      }
      check(store.getState());
    });
    const status = store.getState().rooms[key];
    if (result === 'synced') {
      return { ok: true, doc: fragmentToJson(handle.body), fresh: true };
    }
    if (status?.localLoaded === true && status.knownLocally) {
      return { ok: true, doc: fragmentToJson(handle.body), fresh: false };
    }
    return {
      ok: false,
      reason:
        result === 'refused'
          ? `the relay refused it (${status?.closed?.reason ?? 'no access'})`
          : 'it was never opened on this device and the relay cannot be reached',
    };
  } finally {
    // The registry closes it after its idle delay unless someone else holds it.
    release();
  }
}
