// Persist before broadcast: an update reaches
// other clients only after storage accepted it, and a storage failure means
// it is not relayed and its sender is closed with 1011.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import type { RelayHandle } from '../server.ts';
import { SqliteStorage } from '../storage/sqlite.ts';
import type { AppendMeta, DocStorage, StoredMarker } from '../storage/types.ts';
import { connectClient, startTestRelay, synced, tempDataDir, type TestClient } from './helpers.ts';

const clients: TestClient[] = [];
let relay: RelayHandle | null = null;
let cleanup: (() => void) | null = null;

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay?.close();
  relay = null;
  cleanup?.();
});

function client(room = 'team/notes'): TestClient {
  if (relay === null) throw new Error('no relay');
  const c = connectClient(relay.wsUrl, room);
  clients.push(c);
  return c;
}

/** Real SQLite storage that notes, for every append, what the receiving client could already see. */
class ObservingStorage implements DocStorage {
  readonly inner: SqliteStorage;
  readonly seenByPeerAtAppend: string[] = [];
  failAppends = false;
  peer: TestClient | null = null;

  constructor(dataDir: string) {
    this.inner = new SqliteStorage({ dataDir });
  }
  loadDoc(room: string) {
    return this.inner.loadDoc(room);
  }
  appendUpdate(room: string, update: Uint8Array, meta?: AppendMeta): number {
    if (this.peer !== null) this.seenByPeerAtAppend.push(this.peer.text.toJSON());
    if (this.failAppends) throw new Error('disk full (simulated)');
    return this.inner.appendUpdate(room, update, meta);
  }
  setStateVector(room: string, stateVector: Uint8Array): void {
    this.inner.setStateVector(room, stateVector);
  }
  listMarkers(spaceId: string): StoredMarker[] {
    return this.inner.listMarkers(spaceId);
  }
  compact(room: string, throughSeq: number, merged: Uint8Array): void {
    this.inner.compact(room, throughSeq, merged);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describe('persist before broadcast', () => {
  it('stores each update before any other client can see it', async () => {
    const data = tempDataDir();
    cleanup = data.cleanup;
    const storage = new ObservingStorage(data.dir);
    relay = await startTestRelay(data.dir, { storage });
    const alice = client();
    const bob = client();
    await Promise.all([synced(alice), synced(bob)]);
    storage.peer = bob;
    for (const word of ['one ', 'two ', 'three ']) {
      alice.text.insert(alice.text.length, word);
      await expect.poll(() => bob.text.toJSON()).toContain(word);
    }
    // At each append Bob had not yet received that update.
    expect(storage.seenByPeerAtAppend).toEqual(['', 'one ', 'one two ']);
    const stored = new Y.Doc();
    for (const update of storage.inner.loadDoc('team/notes').updates) Y.applyUpdate(stored, update);
    expect(stored.getText('body').toJSON()).toBe('one two three ');
  });

  it('does not relay an update storage refused, and closes its sender with 1011', async () => {
    const data = tempDataDir();
    cleanup = data.cleanup;
    const storage = new ObservingStorage(data.dir);
    relay = await startTestRelay(data.dir, { storage });
    const alice = client();
    const bob = client();
    await Promise.all([synced(alice), synced(bob)]);
    alice.text.insert(0, 'kept ');
    await expect.poll(() => bob.text.toJSON()).toBe('kept ');

    const closes: number[] = [];
    alice.provider.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code);
    });
    storage.failAppends = true;
    alice.text.insert(alice.text.length, 'LOST');
    await expect.poll(() => closes).toContain(CloseCode.InternalError);
    expect(bob.text.toJSON()).toBe('kept ');
    expect(relay.metrics.storageErrors).toBeGreaterThan(0);

    // Storage recovers: Alice reconnects, resends what the relay lacks, and Bob gets it.
    storage.failAppends = false;
    await expect.poll(() => bob.text.toJSON(), { timeout: 10_000 }).toBe('kept LOST');
  });
});
