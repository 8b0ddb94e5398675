/**
 * What operators see: /healthz, /readyz and Prometheus metrics (with latency
 * histograms) on the admin port only, readiness following storage, Redis and
 * the memory budget, and JSON logs free of tokens and document content.
 */
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisUnavailable, startTestRedis, type TestRedis } from '../fanout/test-redis.ts';
import { createJsonLogger } from '../log.ts';
import type { RelayHandle, RelayOptions } from '../server.ts';
import { useApiRig } from './api-rig.ts';
import { ADA } from './demo-people.ts';
import { CloseCode } from '../../shared/wire.ts';
import { ROOM_OVERHEAD_BYTES } from '../docs/room-memory.ts';
import {
  connectClient,
  openRawSocket,
  startTestRelay,
  synced,
  tempDataDir,
  type TestClient,
} from './helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function relay(extra: Partial<RelayOptions>): Promise<RelayHandle> {
  const data = tempDataDir();
  const handle = await startTestRelay(data.dir, { adminPort: 0, ...extra });
  cleanups.push(async () => {
    await handle.close();
    data.cleanup();
  });
  return handle;
}

function client(handle: RelayHandle, room: string): TestClient {
  const c = connectClient(handle.wsUrl, room);
  cleanups.push(() => {
    c.destroy();
  });
  return c;
}

async function get(base: string | null, path: string): Promise<{ status: number; body: string }> {
  if (base === null) throw new Error('no admin port');
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.text() };
}

describe('admin port', () => {
  it('serves health, readiness and metrics with histograms; the public port no longer serves metrics', async () => {
    const handle = await relay({});
    expect(handle.adminUrl).not.toBeNull();
    expect(handle.adminUrl).not.toBe(handle.httpUrl);
    expect(await get(handle.adminUrl, '/healthz')).toMatchObject({ status: 200 });
    const ready = await get(handle.adminUrl, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({
      ready: true,
      checks: { storage: 'ok', memory: 'ok' },
    });

    const writer = client(handle, 'ops/note');
    const reader = client(handle, 'ops/note');
    await Promise.all([synced(writer), synced(reader)]);
    writer.text.insert(0, 'hello');
    await expect.poll(() => reader.text.toJSON()).toBe('hello');
    const metrics = await get(handle.adminUrl, '/metrics');
    expect(metrics.body).toMatch(/^relay_fanout_seconds_count [1-9]/m);
    expect(metrics.body).toMatch(/^relay_storage_seconds_count\{op="append"\} [1-9]/m);
    expect(metrics.body).toContain('relay_updates_persisted_total');
    // Batch sizes of group commit: the edit above was stored in at least one batch.
    expect(metrics.body).toMatch(/^relay_group_commit_batch_size_count [1-9]/m);
    expect(metrics.body).toMatch(/^relay_event_loop_delay_seconds\{quantile="0.99"\} [0-9.e-]+$/m);
    expect((await fetch(`${handle.httpUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${handle.httpUrl}/healthz`)).status).toBe(200);
  });

  it('refuses a new document with 4429 and is not ready when out of memory budget', async () => {
    // Room for one small document in use, not two.
    const budget = ROOM_OVERHEAD_BYTES * 2 - 1;
    const handle = await relay({ memoryBudgetBytes: budget });
    expect((await get(handle.adminUrl, '/readyz')).status).toBe(200);
    const first = await openRawSocket(handle.wsUrl, '/ops/first');
    cleanups.push(() => {
      first.socket.terminate();
    });
    await expect.poll(() => first.frames.length).toBeGreaterThan(0);
    const second = await openRawSocket(handle.wsUrl, '/ops/second');
    expect(await second.closed).toMatchObject({ code: CloseCode.Overloaded });
    const ready = await get(handle.adminUrl, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({
      ready: false,
      checks: { storage: 'ok', memory: expect.stringMatching(/memory budget/) as unknown },
    });
    expect((await get(handle.adminUrl, '/metrics')).body).toMatch(/^relay_rooms_memory_bytes \d+/m);
    // The first document's socket leaves: its room is idle, so a new one fits again.
    first.socket.close();
    await expect.poll(async () => (await get(handle.adminUrl, '/readyz')).status).toBe(200);
    const third = await openRawSocket(handle.wsUrl, '/ops/third');
    cleanups.push(() => {
      third.socket.terminate();
    });
    await expect.poll(() => third.frames.length).toBeGreaterThan(0);
    expect(handle.stats().rooms).toBe(1);
  });
});

const noRedis = redisUnavailable();
(noRedis === null ? describe : describe.skip)(
  noRedis === null ? 'readiness with Redis' : `readiness with Redis (skipped: ${noRedis})`,
  () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(() => redis.stop());

    it('follows Redis down and back, and measures its lag', async () => {
      const handle = await relay({ redisUrl: redis.url });
      const writer = client(handle, 'ops/lag');
      await synced(writer);
      writer.text.insert(0, 'x');
      await expect
        .poll(async () => (await get(handle.adminUrl, '/metrics')).body)
        .toMatch(/^relay_redis_lag_seconds_count [1-9]/m);
      expect((await get(handle.adminUrl, '/readyz')).status).toBe(200);
      await redis.kill();
      await expect.poll(async () => (await get(handle.adminUrl, '/readyz')).status).toBe(503);
      expect(JSON.parse((await get(handle.adminUrl, '/readyz')).body)).toMatchObject({
        checks: { redis: 'not connected to Redis' },
      });
      await redis.restart();
      await expect
        .poll(async () => (await get(handle.adminUrl, '/readyz')).status, { timeout: 15_000 })
        .toBe(200);
    });
  },
);

describe('JSON logs', () => {
  const rigs = useApiRig();

  it('never contain the access token or the document content', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const rig = await rigs.start({ log: createJsonLogger(out, 'debug') });
    const spaceId = await rig.space(ADA);
    const room = `${spaceId}/secret-plans`;
    const ada = rig.connect(room, ADA);
    await synced(ada);
    ada.text.insert(0, 'CONTENT-THAT-MUST-NOT-LEAK');
    // A refused token is logged about too; neither token may appear.
    const refused = await rig.openRaw(`/${room}?token=${rig.tokens[ADA]}x`);
    await refused.closed;
    await rig.relay.close();
    expect(text).toContain('"level"');
    expect(text).not.toContain(rig.tokens[ADA]);
    expect(text).not.toContain(rig.tokens[ADA].split('.')[1] ?? 'no payload');
    expect(text).not.toContain('CONTENT-THAT-MUST-NOT-LEAK');
  });
});
