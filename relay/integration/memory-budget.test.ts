/**
 * A node's documents in memory are bounded by an estimated memory budget,
 * not by a count: two thousand small notes opened at once all load under the
 * default budget (a fixed cap of 1,000 rooms used to refuse half of them).
 * The refusal side (4429 and /readyz) is in ops-scale.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import { connectClient, openRawSocket, startTestRelay, synced, tempDataDir } from './helpers.ts';
import type { RawSocket } from './helpers.ts';

const DOCS = 2_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A stored note with a line of text in its body. */
function note(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, `note ${String(i)}: a small document`);
  return Y.encodeStateAsUpdate(doc);
}

describe('memory budget', () => {
  it(`opens ${String(DOCS)} small documents at once on one node with the default budget`, async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const seed = new SqliteStorage({ dataDir: data.dir });
    for (let i = 0; i < DOCS; i++) seed.appendUpdate(`many/doc-${String(i)}`, note(i));
    await seed.close();
    const relay = await startTestRelay(data.dir);
    cleanups.push(() => relay.close());

    const sockets: RawSocket[] = await Promise.all(
      Array.from({ length: DOCS }, (_, i) => openRawSocket(relay.wsUrl, `/many/doc-${String(i)}`)),
    );
    cleanups.push(() => {
      for (const s of sockets) s.socket.terminate();
    });
    const closes: number[] = [];
    for (const s of sockets) void s.closed.then(({ code }) => closes.push(code));
    // Each socket gets the relay's sync step 1 once its document is loaded.
    await expect
      .poll(() => sockets.filter((s) => s.frames.length > 0).length, { timeout: 60_000 })
      .toBe(DOCS);
    expect(closes).toEqual([]);
    expect(relay.stats().rooms).toBe(DOCS);
    expect(relay.metrics.closesByCode.get(CloseCode.Overloaded) ?? 0).toBe(0);

    // And the last of them serves its content to a stock client.
    const last = connectClient(relay.wsUrl, `many/doc-${String(DOCS - 1)}`);
    cleanups.push(() => {
      last.destroy();
    });
    await synced(last);
    expect(last.text.toJSON()).toBe(`note ${String(DOCS - 1)}: a small document`);
  }, 120_000);
});
