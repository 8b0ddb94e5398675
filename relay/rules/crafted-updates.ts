/**
 * For tests of the update guard: a pair of updates that make Yjs spin and
 * allocate. Yjs bubbles each changed type's event up through every enclosing
 * type (`callTypeObservers`), so touching every level of an n-deep nest costs
 * n² time and memory.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Levels of the nest: applying the second update below takes about 120 MiB (n² event entries). */
export const CRAFTED_DEPTH = 3_000;

/** An encoded state vector saying `client` is known up to its current clock in `doc`. */
function knowing(doc: Y.Doc, client: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, Y.getState(doc.store, client));
  return encoding.toUint8Array(encoder);
}

/**
 * Two updates: the first nests CRAFTED_DEPTH maps (cheap to apply), the second sets
 * one key in each of them. Both are made in one transaction under two client
 * ids, so that building them here costs nothing (the nest is new to that
 * transaction, and Yjs bubbles events only for types that existed before),
 * then split by client.
 */
export function craftedUpdates(): { nest: Uint8Array; touchAll: Uint8Array } {
  const doc = new Y.Doc();
  const nestClient = doc.clientID;
  const keyClient = nestClient + 1;
  doc.transact(() => {
    const maps: Y.Map<unknown>[] = [];
    let parent = doc.getMap('outline');
    for (let i = 0; i < CRAFTED_DEPTH; i++) {
      const child = new Y.Map<unknown>();
      parent.set('child', child);
      maps.push(child);
      parent = child;
    }
    doc.clientID = keyClient;
    for (const map of maps) map.set('k', 1);
  });
  return {
    nest: Y.encodeStateAsUpdate(doc, knowing(doc, keyClient)),
    touchAll: Y.encodeStateAsUpdate(doc, knowing(doc, nestClient)),
  };
}
