// Stock y-websocket clients co-edit through the
// relay, and a relay restarted on the same data directory serves the same content.
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { RelayHandle } from '../server.ts';
import { connectClient, startTestRelay, synced, tempDataDir, type TestClient } from './helpers.ts';

const clients: TestClient[] = [];
const relays: RelayHandle[] = [];
const dirs: (() => void)[] = [];

function client(relay: RelayHandle, room: string): TestClient {
  const c = connectClient(relay.wsUrl, room);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of relays.splice(0)) await r.close();
  for (const cleanup of dirs.splice(0)) cleanup();
});

async function relayOn(dir: string): Promise<RelayHandle> {
  const relay = await startTestRelay(dir);
  relays.push(relay);
  return relay;
}

describe('co-editing through the relay', () => {
  it('two stock clients co-edit one Y.Text, and a restarted relay serves it to a third', async () => {
    const { dir, cleanup } = tempDataDir();
    dirs.push(cleanup);
    const first = await relayOn(dir);
    const alice = client(first, 'team/notes');
    const bob = client(first, 'team/notes');
    await Promise.all([synced(alice), synced(bob)]);

    alice.text.insert(0, 'Agenda: ');
    await expect.poll(() => bob.text.toJSON()).toBe('Agenda: ');
    bob.text.insert(bob.text.length, 'ship the relay');
    alice.text.insert(0, '# ');
    await expect.poll(() => alice.text.toJSON()).toBe('# Agenda: ship the relay');
    await expect.poll(() => bob.text.toJSON()).toBe('# Agenda: ship the relay');
    expect(first.stats()).toEqual({ rooms: 1, connections: 2 });

    alice.destroy();
    bob.destroy();
    await first.close();

    const second = await relayOn(dir);
    const carol = client(second, 'team/notes');
    await synced(carol);
    expect(carol.text.toJSON()).toBe('# Agenda: ship the relay');
  });

  it('keeps rooms apart', async () => {
    const { dir, cleanup } = tempDataDir();
    dirs.push(cleanup);
    const relay = await relayOn(dir);
    const a = client(relay, 'team/one');
    const b = client(relay, 'team/two');
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, 'only in one');
    const c = client(relay, 'team/one');
    await synced(c);
    expect(c.text.toJSON()).toBe('only in one');
    expect(b.text.toJSON()).toBe('');
  });

  it('relays awareness and removes a closed client’s presence', async () => {
    const { dir, cleanup } = tempDataDir();
    dirs.push(cleanup);
    const relay = await relayOn(dir);
    const alice = client(relay, 'team/notes');
    const bob = client(relay, 'team/notes');
    await Promise.all([synced(alice), synced(bob)]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#f00' });
    const aliceId = alice.doc.clientID;
    await expect
      .poll(() => bob.provider.awareness.getStates().get(aliceId))
      .toEqual({ user: { name: 'Alice', color: '#f00' } });

    // A client that joins later gets the present states on connect.
    const carol = client(relay, 'team/notes');
    await synced(carol);
    await expect.poll(() => carol.provider.awareness.getStates().has(aliceId)).toBe(true);

    // Alice's socket drops without a goodbye (no awareness removal sent): the relay
    // removes her state for the others at once, not after the 30 s timeout.
    alice.provider.shouldConnect = false;
    (alice.provider.ws as unknown as WebSocket | null)?.terminate();
    await expect.poll(() => bob.provider.awareness.getStates().has(aliceId)).toBe(false);
    await expect.poll(() => carol.provider.awareness.getStates().has(aliceId)).toBe(false);
  });
});
