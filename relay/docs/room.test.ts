import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import { decodeClientMessage } from '../protocol/decode.ts';
import { encodeSyncUpdate } from '../protocol/encode.ts';
import type { SqliteStorage } from '../storage/sqlite.ts';
import type { DocStorage } from '../storage/types.ts';
import { Room } from './room.ts';
import { recordingPeer, roomDeps } from './test-deps.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function edit(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function textOf(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toJSON();
}

describe('Room', () => {
  it('greets a new peer with sync step 1', async () => {
    const { deps, cleanup } = roomDeps();
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const peer = recordingPeer();
    room.add(peer);
    const [first] = peer.frames;
    expect(
      first === undefined ? null : decodeClientMessage(first, { maxAwarenessBytes: 1 }).kind,
    ).toBe('sync-step1');
  });

  it('stores, then relays (to others, the same buffer), then applies', async () => {
    const order: string[] = [];
    const { deps, sqlite, cleanup } = roomDeps({}, (s) => ({
      loadDoc: (r) => s.loadDoc(r),
      appendUpdate: (r, u) => {
        order.push(`append, peer had ${String(b.frames.length - greeted)} updates`);
        return s.appendUpdate(r, u);
      },
      setStateVector: (r, v) => {
        s.setStateVector(r, v);
      },
      listMarkers: (space) => s.listMarkers(space),
      compact: (r, t, m) => {
        s.compact(r, t, m);
      },
      close: () => undefined,
    }));
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const a = recordingPeer();
    const b = recordingPeer();
    room.add(a);
    room.add(b);
    const greeted = b.frames.length;
    const update = edit('hi');
    const frame = encodeSyncUpdate(update);
    room.commitUpdate(a, update, frame);
    expect(order).toEqual(['append, peer had 0 updates']);
    expect(b.frames.at(-1)).toBe(frame);
    expect(a.frames).toHaveLength(greeted);
    expect(room.doc.getText('t').toJSON()).toBe('hi');
    expect(textOf(sqlite.loadDoc('s/d').updates)).toBe('hi');
  });

  it('drops an update storage refuses: not relayed, not applied, sender failed with 1011', async () => {
    const { deps, cleanup } = roomDeps({}, (s) => ({
      loadDoc: (r) => s.loadDoc(r),
      appendUpdate: () => {
        throw new Error('disk full');
      },
      setStateVector: () => undefined,
      listMarkers: () => [],
      compact: () => undefined,
      close: () => undefined,
    }));
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const a = recordingPeer();
    const b = recordingPeer();
    room.add(a);
    room.add(b);
    const before = b.frames.length;
    const update = edit('lost');
    room.commitUpdate(a, update, encodeSyncUpdate(update));
    expect(a.failures).toEqual([CloseCode.InternalError]);
    expect(b.frames).toHaveLength(before);
    expect(room.doc.getText('t').toJSON()).toBe('');
    expect(deps.metrics.storageErrors).toBe(1);
  });

  it('keeps updates in order behind an asynchronous storage', async () => {
    const { deps, sqlite, cleanup } = roomDeps({}, (s: SqliteStorage): DocStorage => ({
      loadDoc: (r) => Promise.resolve(s.loadDoc(r)),
      appendUpdate: (r, u, m) =>
        new Promise((resolve) =>
          setTimeout(() => {
            resolve(s.appendUpdate(r, u, m));
          }, 5),
        ),
      setStateVector: async (r, v) => {
        await Promise.resolve();
        s.setStateVector(r, v);
      },
      listMarkers: (space) => Promise.resolve(s.listMarkers(space)),
      compact: async (r, t, m) => {
        await Promise.resolve();
        s.compact(r, t, m);
      },
      close: () => undefined,
    }));
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const a = recordingPeer();
    room.add(a);
    const source = new Y.Doc();
    for (const word of ['one ', 'two ', 'three']) room.commitUpdate(a, edit(word, source), null);
    expect(room.doc.getText('t').toJSON()).toBe('');
    await room.flush();
    expect(room.doc.getText('t').toJSON()).toBe('one two three');
    expect(textOf(sqlite.loadDoc('s/d').updates)).toBe('one two three');
  });

  it('compacts after compactAfterUpdates rows without losing content', async () => {
    const { deps, sqlite, cleanup } = roomDeps({ compactAfterUpdates: 5 });
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const a = recordingPeer();
    room.add(a);
    const source = new Y.Doc();
    for (let i = 0; i < 7; i++) room.commitUpdate(a, edit(`${i}`, source), null);
    await expect.poll(() => deps.metrics.compactions).toBeGreaterThan(0);
    await room.flush();
    const stored = sqlite.loadDoc('s/d').updates;
    expect(stored.length).toBeLessThan(7);
    expect(textOf(stored)).toBe('0123456');
    await room.close();
    const reloaded = await Room.load('s/d', deps);
    expect(reloaded.doc.getText('t').toJSON()).toBe('0123456');
    expect(sqlite.loadDoc('s/d').updates).toHaveLength(1);
  });

  it('skips an unreadable stored row on load, keeps it stored, and serves the rest', async () => {
    const { deps, sqlite, cleanup } = roomDeps();
    cleanups.push(cleanup);
    const source = new Y.Doc();
    sqlite.appendUpdate('s/d', edit('good', source));
    sqlite.appendUpdate('s/d', Uint8Array.from([0xff, 0xff, 0xff]));
    const room = await Room.load('s/d', deps);
    expect(room.doc.getText('t').toJSON()).toBe('good');
    await room.close();
    expect(sqlite.loadDoc('s/d').updates).toHaveLength(2);
  });

  it('relays awareness to every peer and removes a leaving peer’s states for the others', async () => {
    const { deps, cleanup } = roomDeps();
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const a = recordingPeer();
    const b = recordingPeer();
    room.add(a);
    room.add(b);
    const client = new awarenessProtocol.Awareness(new Y.Doc());
    client.setLocalState({ name: 'A' });
    const update = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
    const frame = Buffer.from([1, ...update]);
    room.applyAwareness(a, update, frame);
    expect(b.frames.at(-1)).toBe(frame);
    expect(room.awareness.getStates().get(client.clientID)).toEqual({ name: 'A' });
    room.remove(a);
    expect(room.awareness.getStates().has(client.clientID)).toBe(false);
    expect(b.frames.at(-1)?.[0]).toBe(1);
    client.destroy();
  });

  it('wouldChange: false for content the doc holds (structs and deletions), true for anything new', async () => {
    const { deps, cleanup } = roomDeps();
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const client = new Y.Doc();
    const first = edit('hello', client);
    const peer = recordingPeer();
    room.add(peer);
    room.commitUpdate(peer, first, null);
    await room.flush();
    expect(room.wouldChange(first)).toBe(false);
    expect(room.wouldChange(Y.encodeStateAsUpdate(client))).toBe(false);
    expect(room.wouldChange(edit(' world', client))).toBe(true);
    // A deletion of known content is a change too.
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(room.doc));
    const before = Y.encodeStateVector(deleter);
    deleter.getText('t').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(deleter, before);
    expect(room.wouldChange(deletion)).toBe(true);
    room.commitUpdate(peer, deletion, null);
    await room.flush();
    expect(room.wouldChange(deletion)).toBe(false);
  });

  it('answers RelayState only after every earlier update is stored, even behind a slow storage', async () => {
    const { deps, cleanup } = roomDeps({}, (s: SqliteStorage): DocStorage => ({
      loadDoc: (r) => s.loadDoc(r),
      appendUpdate: (r, u, m) =>
        new Promise((resolve) =>
          setTimeout(() => {
            resolve(s.appendUpdate(r, u, m));
          }, 5),
        ),
      setStateVector: (r, v) => {
        s.setStateVector(r, v);
      },
      listMarkers: (space) => s.listMarkers(space),
      compact: (r, t, m) => {
        s.compact(r, t, m);
      },
      close: () => undefined,
    }));
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const a = recordingPeer();
    room.add(a);
    const source = new Y.Doc();
    room.commitUpdate(a, edit('one', source), null);
    room.commitUpdate(a, edit('two', source), null);
    const before = a.frames.length;
    room.sendRelayState(a);
    expect(a.frames).toHaveLength(before); // still waiting for the two appends
    await room.flush();
    const answer = a.frames.at(-1);
    expect(answer?.[0]).toBe(100);
    const decoder = decoding.createDecoder(answer ?? Buffer.alloc(0));
    decoding.readVarUint(decoder);
    expect(Y.decodeStateVector(decoding.readVarUint8Array(decoder))).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(source)),
    );
  });

  it('writes the change marker with each update: the stored state vector and the writer', async () => {
    const { deps, sqlite, cleanup } = roomDeps();
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const ada = { ...recordingPeer(), userId: 'ada' };
    const bob = { ...recordingPeer(), userId: 'bob' };
    room.add(ada);
    room.add(bob);
    const source = new Y.Doc();
    room.commitUpdate(ada, edit('a', source), null);
    expect(sqlite.listMarkers('s')).toMatchObject([{ docId: 'd', updatedBy: 'ada' }]);
    const t0 = Date.now();
    room.commitUpdate(bob, edit('b', source), null);
    const [marker] = sqlite.listMarkers('s');
    expect(marker?.updatedBy).toBe('bob');
    expect(marker?.updatedAt).toBeGreaterThanOrEqual(t0);
    expect(Y.decodeStateVector(marker?.stateVector ?? new Uint8Array())).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(room.doc)),
    );
  });

  it('corrects the marker when an update releases structs that waited for it', async () => {
    const { deps, sqlite, cleanup } = roomDeps();
    cleanups.push(cleanup);
    const room = await Room.load('s/d', deps);
    const a = recordingPeer();
    room.add(a);
    const source = new Y.Doc();
    const first = edit('first', source);
    const second = edit('second', source);
    room.commitUpdate(a, second, null); // waits for `first`
    room.commitUpdate(a, first, null); // releases it: more than predicted
    await room.flush();
    const [marker] = sqlite.listMarkers('s');
    expect(Y.decodeStateVector(marker?.stateVector ?? new Uint8Array())).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(source)),
    );
  });
});
