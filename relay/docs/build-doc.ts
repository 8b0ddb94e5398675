import * as Y from 'yjs';
import { errorMessage, type Logger } from '../log.ts';

/**
 * Rebuilds a document from its stored updates: merged and applied at once
 * (fast), or, if that fails, one by one into a fresh doc, skipping and
 * logging the rows that cannot apply. A doc with skipped rows is marked not
 * compactable, so those rows stay in storage for inspection.
 */
export function buildDoc(
  room: string,
  updates: readonly Uint8Array[],
  log: Logger,
): { doc: Y.Doc; compactable: boolean } {
  const doc = new Y.Doc({ gc: true });
  if (updates.length === 0) return { doc, compactable: true };
  try {
    const [only] = updates;
    Y.applyUpdate(
      doc,
      updates.length === 1 && only !== undefined ? only : Y.mergeUpdates([...updates]),
    );
    return { doc, compactable: true };
  } catch (err) {
    log.warn('stored updates failed to merge; applying one by one', {
      room,
      error: errorMessage(err),
    });
    doc.destroy();
  }
  // A fresh doc: the failed attempt may have integrated part of the merge.
  const fresh = new Y.Doc({ gc: true });
  let compactable = true;
  updates.forEach((update, index) => {
    try {
      Y.applyUpdate(fresh, update);
    } catch (err) {
      compactable = false;
      log.error('stored update skipped', { room, index, error: errorMessage(err) });
    }
  });
  return { doc: fresh, compactable };
}
