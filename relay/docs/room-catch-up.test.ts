/**
 * A node that missed a stored update (its frame never arrived: the node that
 * stored it died before publishing it) notices when a later update cannot
 * integrate, reloads from storage and relays what was held back. Regression
 * for a failover in which one writer's text after the lost update stayed
 * invisible on the surviving node and its clients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRelayedFrame } from '../fanout/frame.ts';
import { encodeSyncUpdate } from '../protocol/encode.ts';
import type { SqliteStorage } from '../storage/sqlite.ts';
import type { DocStorage } from '../storage/types.ts';
import { Room } from './room.ts';
import { recordingPeer, roomDeps } from './test-deps.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A writer's two successive edits: the second depends on the first. */
function twoEdits(): { first: Uint8Array; second: Uint8Array } {
  const writer = new Y.Doc();
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  writer.getText('body').insert(0, 'lost on the wire, ');
  writer.getText('body').insert(18, 'then typed on');
  const [first, second] = updates;
  if (first === undefined || second === undefined) throw new Error('no edits');
  return { first, second };
}

/** What a client of this node sees: every update frame it was sent, applied. */
function clientText(frames: readonly Buffer[]): string {
  const doc = new Y.Doc();
  for (const frame of frames) {
    const relayed = readRelayedFrame(frame);
    if (relayed?.kind === 'update') Y.applyUpdate(doc, relayed.update);
  }
  return doc.getText('body').toJSON();
}

function setup(): { deps: ReturnType<typeof roomDeps>['deps']; loads: () => number } {
  let loads = 0;
  // Counts loads; everything else goes to the real store.
  const counting = (sqlite: SqliteStorage): DocStorage =>
    new Proxy(sqlite, {
      get(target, key) {
        if (key === 'loadDoc') {
          return (room: string) => {
            loads += 1;
            return target.loadDoc(room);
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  const made = roomDeps({}, counting);
  cleanups.push(made.cleanup);
  return { deps: made.deps, loads: () => loads };
}

describe('catching up on a missed update', () => {
  it('reloads from storage when a frame from another node cannot integrate', async () => {
    const { deps } = setup();
    const room = await Room.load('s/note', deps);
    const peer = recordingPeer();
    room.add(peer);
    const { first, second } = twoEdits();
    // Another node stored the first edit and died before publishing it...
    await deps.storage.appendUpdate('s/note', first);
    // ...and the writer's next edit, stored through a live node, arrives here.
    await deps.storage.appendUpdate('s/note', second);
    room.applyRemote(encodeSyncUpdate(second));
    await expect
      .poll(() => room.doc.getText('body').toJSON())
      .toBe('lost on the wire, then typed on');
    expect(room.doc.store.pendingStructs).toBeNull();
    // Its peer had the second edit (relayed by the fan-out) but not the first: it gets it now.
    expect(clientText([encodeSyncUpdate(second), ...peer.frames])).toBe(
      'lost on the wire, then typed on',
    );
    await room.close();
  });

  it('reloads once, not per update, when a client sends updates nobody can complete', async () => {
    const { deps, loads } = setup();
    const room = await Room.load('s/hostile', deps);
    const peer = recordingPeer();
    room.add(peer);
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 6; i++) writer.getText('body').insert(0, String(i));
    const afterLoad = loads();
    // The first update is never sent: every later one depends on it.
    for (const update of updates.slice(1)) room.commitUpdate(peer, update, null);
    await room.flush();
    await expect.poll(() => loads()).toBe(afterLoad + 1);
    await room.flush();
    expect(loads()).toBe(afterLoad + 1);
    expect(room.doc.getText('body').toJSON()).toBe('');
    await room.close();
  });
});
