// The connection cut in the middle of a large sync, in each
// direction, by a TCP proxy between the client and the relay. Nothing is
// corrupted (every stored row decodes, the clients agree) and the sync
// completes once the client has reconnected.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/sqlite.ts';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.ts';
import { connectClient, synced, tempDataDir, type TestClient } from './helpers.ts';
import { Replica, RestartableRelay, snapshot } from './offline-helpers.ts';

const ROOM_DOC = 'big';
const SPACE = 'team';
/** A long meeting transcript: well over one TCP window, so the cut falls mid-frame. */
const BIG = 'The quarterly planning notes go on. '.repeat(40_000);

const replicas: Replica[] = [];
const clients: TestClient[] = [];
let proxy: CuttingProxy | null = null;
let relay: RestartableRelay | null = null;
let cleanup: (() => void) | null = null;

afterEach(async () => {
  for (const r of replicas.splice(0)) r.kill();
  for (const c of clients.splice(0)) c.destroy();
  await proxy?.close();
  proxy = null;
  await relay?.stop();
  relay = null;
  cleanup?.();
  cleanup = null;
});

async function startRelay(): Promise<RestartableRelay> {
  const data = tempDataDir();
  cleanup = data.cleanup;
  relay = new RestartableRelay(data.dir);
  await relay.start();
  return relay;
}

/** Every stored row must decode on its own, and together they make `expected`. */
async function expectStored(r: RestartableRelay, expected: Y.Doc): Promise<void> {
  await r.stop();
  const storage = new SqliteStorage({ dataDir: r.dataDir });
  const { updates } = storage.loadDoc(`${SPACE}/${ROOM_DOC}`);
  await storage.close();
  const doc = new Y.Doc();
  for (const update of updates) {
    expect(() => Y.decodeUpdate(update)).not.toThrow();
    Y.applyUpdate(doc, update);
  }
  expect(doc.getText('body').toJSON()).toBe(expected.getText('body').toJSON());
  expect(snapshot(doc)).toEqual(snapshot(expected));
}

describe('a connection cut in the middle of a sync', () => {
  it('relay → client: the download is cut twice mid-frame, then completes; nothing corrupted', async () => {
    const r = await startRelay();
    const handle = await r.start();
    const writer = connectClient(handle.wsUrl, `${SPACE}/${ROOM_DOC}`);
    clients.push(writer);
    await synced(writer);
    writer.text.insert(0, BIG);
    proxy = await startCuttingProxy(handle.port, [
      { direction: 'down', afterBytes: 64 * 1024 },
      { direction: 'down', afterBytes: 700 * 1024 },
    ]);
    const port = proxy.port;
    const reader = new Replica('reader', () => `ws://127.0.0.1:${String(port)}`, SPACE);
    replicas.push(reader);
    const doc = await reader.open(ROOM_DOC);
    // It edits too while the download keeps failing: that must survive as well.
    doc.getText('body').insert(0, 'READER ');
    await vi.waitFor(
      () => {
        expect(reader.synced()).toBe(true);
        expect(snapshot(doc)).toEqual(snapshot(writer.doc));
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(proxy.cutsDone).toBe(2);
    // The reader typed before the content reached it: the two inserts at 0 are
    // concurrent, and Yjs orders them by client id (random), so either order.
    expect([`READER ${BIG}`, `${BIG}READER `]).toContain(doc.getText('body').toJSON());
    await expectStored(r, writer.doc);
  });

  it('client → relay: an offline client’s large upload is cut mid-frame, then completes; nothing corrupted', async () => {
    const r = await startRelay();
    const handle = await r.start();
    proxy = await startCuttingProxy(handle.port, [
      { direction: 'up', afterBytes: 64 * 1024 },
      { direction: 'up', afterBytes: 900 * 1024 },
    ]);
    const port = proxy.port;
    const author = new Replica('author', () => `ws://127.0.0.1:${String(port)}`, SPACE, {
      offline: true,
    });
    replicas.push(author);
    const doc = await author.open(ROOM_DOC);
    doc.getText('body').insert(0, BIG);
    doc.getText('body').insert(0, 'Title. ');
    author.goOnline();
    const witness = connectClient(handle.wsUrl, `${SPACE}/${ROOM_DOC}`);
    clients.push(witness);
    await vi.waitFor(
      () => {
        expect(author.synced()).toBe(true);
        expect(witness.text.length).toBe(doc.getText('body').length);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(proxy.cutsDone).toBe(2);
    expect(snapshot(witness.doc)).toEqual(snapshot(doc));
    await expectStored(r, doc);
  });
});
