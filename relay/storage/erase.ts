/**
 * What "purged" means for a stored document. Yjs keeps a deleted item as a
 * tombstone (its id, its length, its place among its siblings) so that
 * concurrent edits still merge, but with garbage collection on
 * (`new Y.Doc({ gc: true })`, the relay's setting) the deleted content itself
 * is dropped: text becomes `ContentDeleted` (a length), a deleted element's
 * children become `GC` ranges. Merging raw updates (`Y.mergeUpdates`) keeps
 * that content, so the purge rebuilds a collected document from every stored
 * row and stores its state as the one row left.
 */
import * as Y from 'yjs';

/**
 * The state of the document the rows make, with every deleted content
 * collected.
 * @throws when a row does not apply (the purge then leaves the rows alone).
 */
export function collectedState(rows: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    try {
      Y.applyUpdate(doc, Y.mergeUpdates([...rows]));
    } catch {
      // A merge can fail where applying one by one works (structs out of order).
      doc.destroy();
      const fresh = new Y.Doc({ gc: true });
      for (const row of rows) Y.applyUpdate(fresh, row);
      const state = Y.encodeStateAsUpdate(fresh);
      fresh.destroy();
      return state;
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
