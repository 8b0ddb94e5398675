// A malformed, truncated or oversized frame closes only the
// offending socket, with the documented code; the room and the other clients
// carry on. Room names with path tricks are refused with 4404.
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import type { RelayHandle } from '../server.ts';
import {
  connectClient,
  openRawSocket,
  startTestRelay,
  synced,
  tempDataDir,
  type TestClient,
} from './helpers.ts';

const MAX_BYTES = 64 * 1024;
let relay: RelayHandle;
let cleanup: () => void;
let alice: TestClient;
let bob: TestClient;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  const data = tempDataDir();
  cleanup = data.cleanup;
  relay = await startTestRelay(data.dir, { limits: { maxMessageBytes: MAX_BYTES } });
  alice = connectClient(relay.wsUrl, 'team/notes');
  bob = connectClient(relay.wsUrl, 'team/notes');
  await Promise.all([synced(alice), synced(bob)]);
  alice.text.insert(0, 'before');
  await expect.poll(() => bob.text.toJSON()).toBe('before');
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  alice.destroy();
  bob.destroy();
  await relay.close();
  cleanup();
});

async function raw(
  path = '/team/notes',
): Promise<{ socket: WebSocket; closed: Promise<{ code: number }> }> {
  const opened = await openRawSocket(relay.wsUrl, path);
  sockets.push(opened.socket);
  return opened;
}

/** A sync `update` frame around `update`. */
function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function realUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function othersStillSync(label: string): Promise<void> {
  bob.text.insert(bob.text.length, ` ${label}`);
  await expect.poll(() => alice.text.toJSON()).toContain(label);
  alice.text.insert(0, `${label}:`);
  await expect.poll(() => bob.text.toJSON()).toContain(`${label}:`);
}

describe('hostile frames', () => {
  it('closes a malformed frame (unknown message type) with 4400 and nothing else', async () => {
    const { socket, closed } = await raw();
    socket.send(Uint8Array.from([0x63, 0x01, 0x02]));
    expect((await closed).code).toBe(CloseCode.MalformedMessage);
    await othersStillSync('after-malformed');
  });

  it('closes a truncated update with 4400 and stores nothing of it', async () => {
    const { socket, closed } = await raw();
    const frame = updateFrame(realUpdate('INJECTED'));
    // Keep the declared length but cut the payload: the varUint8Array overruns the frame.
    socket.send(frame.subarray(0, frame.length - 3));
    expect((await closed).code).toBe(CloseCode.MalformedMessage);
    await othersStillSync('after-truncated');
    expect(alice.text.toJSON()).not.toContain('INJECTED');
  });

  it('closes an update whose own structs are cut short with 4400', async () => {
    const { socket, closed } = await raw();
    const update = realUpdate('HALF');
    socket.send(updateFrame(update.subarray(0, update.length - 4)));
    expect((await closed).code).toBe(CloseCode.MalformedMessage);
    await othersStillSync('after-cut-update');
    expect(alice.text.toJSON()).not.toContain('HA');
  });

  it('closes an oversized frame with 1009 before buffering it', async () => {
    const { socket, closed } = await raw();
    socket.send(new Uint8Array(MAX_BYTES + 1));
    expect((await closed).code).toBe(CloseCode.MessageTooLarge);
    await othersStillSync('after-oversized');
  });

  it('closes a text frame with 4400', async () => {
    const { socket, closed } = await raw();
    socket.send('hello');
    expect((await closed).code).toBe(CloseCode.MalformedMessage);
    await othersStillSync('after-text');
  });

  it('accepts a valid raw update from the same kind of socket (control)', async () => {
    const { socket } = await raw();
    socket.send(updateFrame(realUpdate('RAW')));
    await expect.poll(() => alice.text.toJSON()).toContain('RAW');
    await expect.poll(() => bob.text.toJSON()).toContain('RAW');
  });

  it.each([
    '/team',
    '/team/notes/extra',
    '/team/../notes',
    '/team%2Fnotes',
    '/team/%2E%2E',
    '//notes',
    '/team/',
    `/team/${'x'.repeat(65)}`,
  ])('refuses the room path %s with 4404 before any document data', async (path) => {
    const { socket, frames, closed } = await openRawSocket(relay.wsUrl, path);
    sockets.push(socket);
    expect((await closed).code).toBe(CloseCode.InvalidRoom);
    expect(frames).toEqual([]);
  });
});
