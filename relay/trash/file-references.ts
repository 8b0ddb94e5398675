/**
 * Which of a space's files its documents and kept versions still refer to.
 *
 * The encoded state of a document is searched for each file id as bytes,
 * rather than walking a document schema: notes, the space index, meetings
 * and whatever comes later all name an image by its id (a 43-character
 * string that Yjs stores as contiguous UTF-8), and a search cannot miss a
 * place a schema walk forgot. A false match (an id pasted as text) only
 * keeps a file. States are `Y.encodeStateAsUpdate` of the rebuilt document,
 * in which deleted content is garbage-collected, so an image removed from a
 * note stops counting there (the kept versions that still hold it count).
 */
import type { Logger } from '../log.ts';
import { storedState } from '../history/history.ts';
import type { DocStorage } from '../storage/types.ts';

/** The ids among `candidates` that occur in any of `states`; stops reading once all are found. */
export function referencedIn(
  candidates: readonly string[],
  states: Iterable<Uint8Array>,
): Set<string> {
  const found = new Set<string>();
  let pending = [...candidates];
  for (const state of states) {
    if (pending.length === 0) break;
    const bytes = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
    pending = pending.filter((id) => {
      if (bytes.indexOf(id, 0, 'latin1') === -1) return true;
      found.add(id);
      return false;
    });
  }
  return found;
}

/** The current state of each stored document of a space, one at a time. */
export async function* documentStates(
  storage: DocStorage,
  spaceId: string,
  log: Logger,
): AsyncGenerator<Uint8Array> {
  for (const marker of await storage.listMarkers(spaceId)) {
    const state = await storedState(storage, `${spaceId}/${marker.docId}`, log);
    if (state !== null) yield state;
  }
}
