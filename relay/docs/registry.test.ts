import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocRegistry, RegistryFullError } from './registry.ts';
import { ROOM_OVERHEAD_BYTES, roomMemoryEstimate } from './room-memory.ts';
import { recordingPeer, roomDeps } from './test-deps.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function registry(limits: Parameters<typeof roomDeps>[0] = {}) {
  const made = roomDeps(limits);
  cleanups.push(made.cleanup);
  return { registry: new DocRegistry(made.deps), ...made };
}

describe('DocRegistry', () => {
  it('shares one loaded room between concurrent users', async () => {
    const { registry: reg } = registry();
    const [a, b] = await Promise.all([reg.acquire('s/d'), reg.acquire('s/d')]);
    expect(a).toBe(b);
    expect(reg.size).toBe(1);
    await reg.closeAll();
  });

  it('unloads a room idle for idleUnloadMs, keeping its content stored', async () => {
    const { registry: reg, deps } = registry({ idleUnloadMs: 20 });
    const room = await reg.acquire('s/d');
    room.doc.getText('t').insert(0, 'x'); // not through commitUpdate: only checks unload
    reg.release(room);
    await expect.poll(() => reg.size).toBe(0);
    await expect.poll(() => deps.metrics.roomsUnloaded).toBe(1);
  });

  it('does not unload a room that is in use', async () => {
    const { registry: reg } = registry({ idleUnloadMs: 10 });
    const room = await reg.acquire('s/d');
    const again = await reg.acquire('s/d');
    reg.release(again);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(reg.size).toBe(1);
    reg.release(room);
    await expect.poll(() => reg.size).toBe(0);
  });

  it('evicts the least recently used idle room to stay within the memory budget, and refuses when all are in use', async () => {
    // Room for two empty rooms, not three.
    const budget = ROOM_OVERHEAD_BYTES * 3 - 1;
    const { registry: reg, deps } = registry({ memoryBudgetBytes: budget, idleUnloadMs: 60_000 });
    const one = await reg.acquire('s/one');
    const two = await reg.acquire('s/two');
    reg.release(one);
    reg.release(two);
    await reg.acquire('s/two'); // two is now more recently used than one
    await reg.acquire('s/three');
    expect(reg.size).toBe(2);
    expect(reg.loaded('s/one')).toBeNull();
    expect(deps.metrics.roomsEvicted).toBe(1);
    expect(reg.outOfBudget()).toMatch(/memory budget/);
    await expect(reg.acquire('s/four')).rejects.toBeInstanceOf(RegistryFullError);
    await expect.poll(() => deps.metrics.roomsUnloaded).toBe(1);
    await reg.closeAll();
  });

  it('estimates a room from its document size, and evicts idle rooms before refusing', async () => {
    const budget = ROOM_OVERHEAD_BYTES * 3 - 1;
    const { registry: reg, deps } = registry({ memoryBudgetBytes: budget, idleUnloadMs: 60_000 });
    const idle = await reg.acquire('s/idle');
    reg.release(idle);
    const busy = await reg.acquire('s/busy');
    expect(reg.memoryInUse()).toBe(roomMemoryEstimate(0) * 2);
    expect(reg.outOfBudget()).toBeNull();
    const peer = recordingPeer();
    busy.add(peer);
    busy.commitUpdate(peer, typed('x'.repeat(3_000)), null);
    await busy.flush();
    expect(busy.sizeEstimate).toBeGreaterThan(3_000);
    expect(reg.memoryInUse()).toBe(roomMemoryEstimate(0) + roomMemoryEstimate(busy.sizeEstimate));
    // The room in use alone leaves no space for another: refused, the idle room evicted trying.
    expect(reg.outOfBudget()).toMatch(/memory budget/);
    await expect(reg.acquire('s/other')).rejects.toBeInstanceOf(RegistryFullError);
    expect(reg.loaded('s/idle')).toBeNull();
    expect(deps.metrics.roomsEvicted).toBe(1);
    busy.remove(peer);
    reg.release(busy);
    expect(reg.outOfBudget()).toBeNull();
    await reg.closeAll();
  });

  it('keeps content byte-identical through compaction, eviction and reload', async () => {
    const { registry: reg } = registry({
      memoryBudgetBytes: ROOM_OVERHEAD_BYTES * 3 - 1,
      idleUnloadMs: 60_000,
      compactAfterUpdates: 3,
    });
    const room = await reg.acquire('s/kept');
    const peer = recordingPeer();
    room.add(peer);
    const source = new Y.Doc();
    const text = source.getText('body');
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (const word of ['alpha ', 'beta ', 'gamma ', 'delta']) text.insert(text.length, word);
    text.delete(0, 6);
    for (const update of updates) room.commitUpdate(peer, update, null);
    await room.compact();
    const before = Y.encodeStateAsUpdate(room.doc);
    expect(Buffer.from(before)).toEqual(Buffer.from(Y.encodeStateAsUpdate(source)));
    room.remove(peer);
    reg.release(room);
    // Another room that only fits once the idle one is evicted.
    const second = await reg.acquire('s/second');
    await reg.acquire('s/third');
    expect(reg.loaded('s/kept')).toBeNull();
    reg.release(second);
    const reloaded = await reg.acquire('s/kept');
    expect(reloaded).not.toBe(room);
    expect(Buffer.from(Y.encodeStateAsUpdate(reloaded.doc))).toEqual(Buffer.from(before));
    expect(reloaded.doc.getText('body').toJSON()).toBe('beta gamma delta');
    await reg.closeAll();
  });
});

/** An update inserting `content` into a fresh document's body. */
function typed(content: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, content);
  return Y.encodeStateAsUpdate(doc);
}
