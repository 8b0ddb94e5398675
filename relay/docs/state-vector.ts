/**
 * Predicts the state vector a document will have once an update is applied,
 * without applying it (persist before apply: the change marker is written in
 * the same transaction as the update, before the document changes). A
 * client's range extends the vector when it starts at or before what the
 * document already holds; a range that starts later waits for a missing
 * dependency and does not count. The rare misprediction (an update whose
 * arrival releases structs the document held back) is corrected after the
 * apply (room.ts).
 */
import * as Y from 'yjs';

/** The state vector of `doc` after `update`, encoded (`Y.encodeStateVector` format). */
export function predictStateVector(doc: Y.Doc, update: Uint8Array): Uint8Array {
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  const { from, to } = Y.parseUpdateMeta(update);
  for (const [client, end] of to) {
    const start = from.get(client) ?? 0;
    const have = vector.get(client) ?? 0;
    if (start <= have && end > have) vector.set(client, end);
  }
  return Y.encodeStateVector(vector);
}

/** Whether two encoded state vectors hold the same clocks (entry order aside). */
export function sameStateVector(a: Uint8Array, b: Uint8Array): boolean {
  const left = Y.decodeStateVector(a);
  const right = Y.decodeStateVector(b);
  if (left.size !== right.size) return false;
  for (const [client, clock] of left) if (right.get(client) !== clock) return false;
  return true;
}
