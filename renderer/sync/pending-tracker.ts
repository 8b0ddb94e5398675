import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { LocalStore } from './local-store.ts';
import {
  countPending,
  decodeStateVector,
  parsePending,
  pendingFromTransaction,
  prunePending,
  type PendingTx,
} from './pending.ts';
import { onRelayState, requestRelayState } from './relay-state.ts';

/** How often at most we ask the relay for its state after local edits. */
export const RELAY_STATE_THROTTLE_MS = 500;
/** Re-asks without progress before waiting for the next edit or sync. */
const MAX_RECHECKS = 3;

/**
 * Counts, for one document, the local changes the relay has not stored
 *: records each local transaction's clock range, asks the
 * relay for the state vector of what it stored (RelayState) after the first
 * sync and after local edits (throttled), and keeps both in the local store
 * so that the count survives a reload while offline.
 */
export interface PendingTracker {
  /** Reads what the local store kept; call once it has loaded. */
  load(): Promise<void>;
  /** Asks the relay now (after a sync) if connected. */
  ask(): void;
  /** A RelayState request is waiting for its answer. */
  awaitingAnswer(): boolean;
  /** Current count; null while unknown. */
  count(): number | null;
  /** Whether any local transaction is still unconfirmed (count > 0 or unknown with changes). */
  dirty(): boolean;
  destroy(): void;
}

export function trackPending(
  doc: Y.Doc,
  provider: WebsocketProvider,
  local: LocalStore | null,
  onChange: (count: number | null) => void,
  /**
   * Shared by every document of the registry: false once the relay turned
   * out not to know RelayState (a relay older than RelayState closes the
   * socket with 4400 on it); the count then stays unknown.
   */
  support: { relayState: boolean } = { relayState: true },
): PendingTracker {
  let txs: PendingTx[] = [];
  let relay: Map<number, number> | null = null;
  let seq = 0;
  let ackSeq = 0;
  const inFlight: number[] = [];
  let throttle: ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;
  let last: number | null | undefined;
  let recheck = 0;
  /** The last socket closed while a request was unanswered (see `awaitingAnswer`). */
  let droppedUnanswered = false;

  const count = () => countPending(txs, relay, ackSeq);
  const publish = () => {
    const next = count();
    if (next !== last) {
      last = next;
      onChange(next);
    }
  };
  const persist = () => {
    if (!local || destroyed) return;
    void local.set('pending', txs).catch(() => undefined);
  };

  const ask = () => {
    if (destroyed || !support.relayState) return;
    if (requestRelayState(provider)) inFlight.push(seq);
  };

  const onTransaction = (tr: Y.Transaction) => {
    const tx = pendingFromTransaction(tr, seq);
    if (tx === null) return;
    seq += 1;
    txs.push(tx);
    recheck = 0;
    persist();
    publish();
    throttle ??= setTimeout(() => {
      throttle = null;
      ask();
    }, RELAY_STATE_THROTTLE_MS);
  };
  doc.on('afterTransaction', onTransaction);

  onRelayState(provider, (sv) => {
    if (destroyed) return;
    droppedUnanswered = false;
    // Answers come in request order on one socket; one without a request
    // (a relay that pushes its state) confirms nothing delete-only.
    ackSeq = Math.max(ackSeq, inFlight.shift() ?? 0);
    relay = sv;
    const before = txs.length;
    txs = prunePending(txs, sv, ackSeq);
    persist();
    // Still behind: our sync step 2 or an update may have crossed the
    // request on the wire. Ask again a few times, then wait for the next edit
    // or sync (a relay that drops our updates, e.g. for a viewer, never catches up).
    recheck = txs.length < before || txs.length === 0 ? 0 : recheck + 1;
    if (txs.length > 0 && recheck <= MAX_RECHECKS) {
      throttle ??= setTimeout(() => {
        throttle = null;
        ask();
      }, RELAY_STATE_THROTTLE_MS * recheck);
    }
    if (local) void local.set('relayState', Y.encodeStateVector(sv)).catch(() => undefined);
    publish();
  });
  // A socket that closes drops the requests on it.
  const onClose = () => {
    droppedUnanswered = inFlight.length > 0;
    inFlight.length = 0;
  };
  provider.on('connection-close', onClose);

  return {
    async load() {
      if (!local) {
        publish();
        return;
      }
      const [stored, storedRelay] = await Promise.all([
        local.get('pending').catch(() => null),
        local.get('relayState').catch(() => null),
      ]);
      if (destroyed) return;
      const loaded = parsePending(stored);
      // Earlier sessions' transactions come first and keep their order: this
      // session's numbers move up past theirs (requests in flight too).
      const base = loaded.reduce((max, tx) => Math.max(max, tx.seq + 1), 0);
      txs = [...loaded, ...txs.map((tx) => ({ ...tx, seq: tx.seq + base }))];
      seq += base;
      if (ackSeq > 0) ackSeq += base;
      for (let i = 0; i < inFlight.length; i += 1) inFlight[i] = (inFlight[i] ?? 0) + base;
      relay ??= decodeStateVector(storedRelay);
      publish();
    },
    ask,
    awaitingAnswer: () => inFlight.length > 0 || droppedUnanswered,
    count,
    dirty: () => txs.length > 0 && count() !== 0,
    destroy() {
      destroyed = true;
      if (throttle !== null) clearTimeout(throttle);
      doc.off('afterTransaction', onTransaction);
      provider.off('connection-close', onClose);
    },
  };
}
