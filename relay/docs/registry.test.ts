import { afterEach, describe, expect, it } from 'vitest';
import { DocRegistry, RegistryFullError } from './registry.ts';
import { roomDeps } from './test-deps.ts';

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

  it('evicts the least recently used idle room at maxRoomsInMemory, and refuses when all are busy', async () => {
    const { registry: reg, deps } = registry({ maxRoomsInMemory: 2, idleUnloadMs: 60_000 });
    const one = await reg.acquire('s/one');
    const two = await reg.acquire('s/two');
    reg.release(one);
    reg.release(two);
    await reg.acquire('s/two'); // two is now more recently used than one
    await reg.acquire('s/three');
    expect(reg.size).toBe(2);
    await expect.poll(() => deps.metrics.roomsUnloaded).toBe(1);
    await expect(reg.acquire('s/four')).rejects.toBeInstanceOf(RegistryFullError);
    // s/one was evicted and can be loaded again once there is space.
    await reg.closeAll();
  });
});
