import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backoffDelay } from './backoff.ts';
import {
  countPending,
  decodeStateVector,
  differs,
  parsePending,
  pendingFromTransaction,
  prunePending,
  type PendingTx,
} from './pending.ts';

/** Records local transactions of `doc` the way the tracker does. */
function record(doc: Y.Doc): PendingTx[] {
  const txs: PendingTx[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    const tx = pendingFromTransaction(tr, txs.length);
    if (tx) txs.push(tx);
  });
  return txs;
}

describe('pending count against the relay’s state vector', () => {
  it('counts local transactions the relay has not stored, and none of the remote ones', () => {
    const relay = new Y.Doc(); // what the relay durably stored
    const local = new Y.Doc();
    const txs = record(local);
    const text = local.getText('t');
    text.insert(0, 'a');
    text.insert(1, 'bc');
    // The relay stored the first two transactions.
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(local));
    text.insert(3, 'd');
    // A remote edit arriving from the relay is not ours to count.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(relay));
    other.getText('t').insert(0, 'X');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(other));

    expect(txs).toHaveLength(3);
    const sv = Y.decodeStateVector(Y.encodeStateVector(relay));
    expect(countPending(txs, sv, 0)).toBe(1);
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(local));
    const after = Y.decodeStateVector(Y.encodeStateVector(relay));
    expect(countPending(txs, after, 0)).toBe(0);
    expect(prunePending(txs, sv, 0)).toHaveLength(1);
  });

  it('never guesses zero: unknown relay state with local changes is null', () => {
    const local = new Y.Doc();
    const txs = record(local);
    expect(countPending(txs, null, 0)).toBe(0); // nothing to sync is known without asking
    local.getText('t').insert(0, 'x');
    expect(countPending(txs, null, 0)).toBeNull();
  });

  it('counts a delete-only transaction until a later relay answer confirms it', () => {
    const local = new Y.Doc();
    const txs = record(local);
    local.getText('t').insert(0, 'hello');
    local.getText('t').delete(0, 2);
    expect(txs).toHaveLength(2);
    expect(txs[1]?.start).toBe(txs[1]?.end);
    const sv = Y.decodeStateVector(Y.encodeStateVector(local));
    // An answer to a request made before the delete confirms only the insert.
    expect(countPending(txs, sv, 1)).toBe(1);
    expect(countPending(txs, sv, 2)).toBe(0);
  });

  it('sees whether a document needs a sync in either direction', () => {
    const a = new Map([[1, 5]]);
    expect(differs(a, new Map([[1, 5]]))).toBe(false);
    expect(differs(a, new Map([[1, 6]]))).toBe(true);
    expect(differs(a, new Map())).toBe(true);
    expect(differs(new Map(), new Map([[2, 1]]))).toBe(true);
  });

  it('drops malformed stored entries and state vectors instead of trusting them', () => {
    expect(
      parsePending([{ client: 1, start: 0, end: 2, seq: 0 }, { client: 'x' }, null, 3]),
    ).toEqual([{ client: 1, start: 0, end: 2, seq: 0 }]);
    expect(parsePending('nope')).toEqual([]);
    expect(decodeStateVector(new Uint8Array([5, 1]))).toBeNull();
    expect(decodeStateVector('x')).toBeNull();
  });
});

describe('reconnect back-off', () => {
  it('doubles up to the cap, with jitter between half and all of the delay', () => {
    const opts = { baseMs: 500, maxMs: 30_000 };
    expect(backoffDelay(0, opts, () => 0)).toBe(250);
    expect(backoffDelay(0, opts, () => 0.999_999)).toBe(500);
    expect(backoffDelay(3, opts, () => 0)).toBe(2_000);
    expect(backoffDelay(50, opts, () => 0.999_999)).toBe(30_000);
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt);
      const seen = new Set<number>();
      for (let i = 0; i < 50; i += 1) {
        const d = backoffDelay(attempt, opts);
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
        seen.add(d);
      }
      // Jitter: fifty clients do not all pick the same instant.
      expect(seen.size).toBeGreaterThan(1);
    }
  });
});
