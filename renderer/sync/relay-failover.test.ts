import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAppStore } from '../store/index.ts';
import { createDocRegistry, noteBody, type DocRegistry } from './index.ts';
import { StandInRelaySocket } from './test-socket.ts';

// The registry rotating through several relay URLs, against the stand-in
// relay socket (its documents are shared by every "node", as PostgreSQL is).

const A = 'ws://a.relay.test';
const B = 'ws://b.relay.test';
const registries: DocRegistry[] = [];

beforeEach(() => {
  StandInRelaySocket.reset();
});
afterEach(() => {
  for (const r of registries.splice(0)) r.destroy();
});

function setup(relayUrls?: readonly string[]): DocRegistry {
  const registry = createDocRegistry({
    relayUrl: A,
    ...(relayUrls === undefined ? {} : { relayUrls }),
    store: createAppStore(),
    user: { name: 'Ada', color: '#e5484d' },
    WebSocketPolyfill: StandInRelaySocket as unknown as typeof WebSocket,
    backoff: { baseMs: 10, maxMs: 40 },
  });
  registries.push(registry);
  return registry;
}

/** The newest socket to `room`, once one is open or connecting. */
async function newestSocket(room: string, after: number): Promise<StandInRelaySocket> {
  await expect
    .poll(() => StandInRelaySocket.sockets.slice(after).some((s) => s.room === room))
    .toBe(true);
  const socket = StandInRelaySocket.sockets.slice(after).findLast((s) => s.room === room);
  if (socket === undefined) throw new Error('no socket');
  return socket;
}

const plan = { spaceId: 'team', docId: 'plan' };

describe('relay URL rotation', () => {
  it('moves to the next relay when one drops, resyncs there, and opens new notes on it', async () => {
    const registry = setup([A, B]);
    const handle = registry.open(plan);
    registry.retain(handle);
    const first = await newestSocket('team/plan', 0);
    expect(first.url.startsWith(`${A}/`)).toBe(true);
    first.accept();
    await expect.poll(() => handle.provider.synced).toBe(true);

    // Node A dies; an edit made meanwhile reaches node B.
    const before = StandInRelaySocket.sockets.length;
    first.closeWith(1006);
    handle.doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('written during failover')]);
      noteBody(handle.doc).insert(0, [p]);
    });
    const second = await newestSocket('team/plan', before);
    expect(second.url.startsWith(`${B}/`)).toBe(true);
    second.accept();
    await expect.poll(() => handle.provider.synced).toBe(true);
    await expect.poll(() => noteBody(second.doc).toJSON()).toContain('written during failover');

    // Another note starts on the relay that works.
    const count = StandInRelaySocket.sockets.length;
    registry.retain(registry.open({ spaceId: 'team', docId: 'other' }));
    expect((await newestSocket('team/other', count)).url.startsWith(`${B}/`)).toBe(true);

    // B drops too: back to A.
    const again = StandInRelaySocket.sockets.length;
    second.closeWith(1006);
    expect((await newestSocket('team/plan', again)).url.startsWith(`${A}/`)).toBe(true);
  });

  it('with one relay URL, reconnects to it as before', async () => {
    const registry = setup();
    registry.retain(registry.open(plan));
    const first = await newestSocket('team/plan', 0);
    first.accept();
    const before = StandInRelaySocket.sockets.length;
    first.closeWith(1006);
    const next = await newestSocket('team/plan', before);
    expect(next.url.startsWith(`${A}/`)).toBe(true);
  });
});
