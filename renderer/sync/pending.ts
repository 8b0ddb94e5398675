import * as Y from 'yjs';

/**
 * One local transaction the relay has not confirmed yet: the clock range it
 * added for its client (`[start, end)`), or `start === end` for a
 * transaction that only deleted (deletions add no clock, so a state vector
 * cannot cover them; see `isConfirmed`). `seq` orders transactions within
 * this page's life, for the delete-only rule.
 */
export interface PendingTx {
  readonly client: number;
  readonly start: number;
  readonly end: number;
  readonly seq: number;
}

/** A state vector: client id → next expected clock (Y.decodeStateVector). */
export type StateVector = ReadonlyMap<number, number>;

/**
 * The range a local transaction added, or null when it changed nothing of
 * ours (remote updates, the local store loading, awareness-only work).
 * Yjs marks transactions from `Y.applyUpdate` as non-local, so only the
 * person's own edits (TipTap, the tree) pass.
 */
export function pendingFromTransaction(tr: Y.Transaction, seq: number): PendingTx | null {
  if (!tr.local) return null;
  const client = tr.doc.clientID;
  const start = tr.beforeState.get(client) ?? 0;
  const end = tr.afterState.get(client) ?? 0;
  if (end > start) return { client, start, end, seq };
  if (tr.deleteSet.clients.size > 0) return { client, start: end, end, seq };
  return null;
}

/**
 * Whether the relay has durably stored `tx`.
 * - A transaction that added content is stored when the relay's state vector
 *   for its client reaches the end of its range.
 * - A delete-only transaction is stored once the relay answered a RelayState
 *   request sent after it on a synced connection (`ackSeq` is the `seq` at the
 *   time of that request): frames on one socket arrive in order, every update
 *   (and the sync step 2 we send on connect, which carries our whole delete
 *   set) precedes the request, and the relay persists an update before it
 *   handles the next frame (handbook §1, persist before broadcast).
 */
export function isConfirmed(tx: PendingTx, relay: StateVector, ackSeq: number): boolean {
  if (tx.end > tx.start) return (relay.get(tx.client) ?? 0) >= tx.end;
  return tx.seq < ackSeq;
}

/**
 * The number of local changes the relay has not yet stored, or null when it
 * is unknown (the relay never told us its state: an old relay, or never
 * connected since the change). Never a guessed zero.
 */
export function countPending(
  txs: readonly PendingTx[],
  relay: StateVector | null,
  ackSeq: number,
): number | null {
  if (txs.length === 0) return 0;
  if (relay === null) return null;
  let n = 0;
  for (const tx of txs) if (!isConfirmed(tx, relay, ackSeq)) n += 1;
  return n;
}

/** The unconfirmed transactions only (what is kept in the local store). */
export function prunePending(
  txs: readonly PendingTx[],
  relay: StateVector,
  ackSeq: number,
): PendingTx[] {
  return txs.filter((tx) => !isConfirmed(tx, relay, ackSeq));
}

/** Validates what the local store returned (it may be from an older version, or tampered with). */
export function parsePending(value: unknown): PendingTx[] {
  if (!Array.isArray(value)) return [];
  const out: PendingTx[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { client, start, end, seq } = item as Record<string, unknown>;
    if (
      Number.isSafeInteger(client) &&
      Number.isSafeInteger(start) &&
      Number.isSafeInteger(end) &&
      Number.isSafeInteger(seq)
    ) {
      out.push({ client, start, end, seq } as PendingTx);
    }
  }
  return out;
}

/** Decodes a stored or received state vector; null when it does not decode. */
export function decodeStateVector(bytes: unknown): Map<number, number> | null {
  if (!(bytes instanceof Uint8Array)) return null;
  try {
    return Y.decodeStateVector(bytes);
  } catch {
    return null; // truncated or malformed: treated as unknown, never as empty
  }
}

/**
 * Whether a document needs a sync: the relay has something
 * we lack, or we have something the relay lacks.
 */
export function differs(local: StateVector, relay: StateVector): boolean {
  for (const [client, clock] of relay) if ((local.get(client) ?? 0) < clock) return true;
  for (const [client, clock] of local) if ((relay.get(client) ?? 0) < clock) return true;
  return false;
}
