/**
 * A node that starts listening to a room tells the other nodes holding it to
 * reload it from storage: it may have loaded an update they never got as a
 * frame (its publisher died between storing and publishing it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { RedisFanout } from './redis.ts';
import { redisUnavailable, startTestRedis, type TestRedis } from './test-redis.ts';

const missing = redisUnavailable();
const suite = missing === null ? describe : describe.skip;

suite(
  missing === null ? 'Redis fan-out resync' : `Redis fan-out resync (skipped: ${missing})`,
  () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(() => redis.stop());

    it('asks every node holding a room to reload it when another node joins it', async () => {
      const [a, b] = await Promise.all([
        RedisFanout.connect({ url: redis.url, log: silentLogger }),
        RedisFanout.connect({ url: redis.url, log: silentLogger }),
      ]);
      try {
        const resyncs = { a: [] as string[], b: [] as string[] };
        a.onResync((room) => resyncs.a.push(room));
        b.onResync((room) => resyncs.b.push(room));
        a.join('s/doc', { send: () => undefined });
        // A reloads once itself after subscribing (what it loaded may be stale already).
        await expect.poll(() => resyncs.a).toEqual(['s/doc']);
        b.join('s/doc', { send: () => undefined });
        await expect.poll(() => resyncs.b).toEqual(['s/doc']);
        // B's arrival makes A reload; B ignores its own message.
        await expect.poll(() => resyncs.a).toEqual(['s/doc', 's/doc']);
        expect(resyncs.b).toEqual(['s/doc']);
        // A node that does not hold the room hears nothing of it.
        b.join('s/other', { send: () => undefined });
        await expect.poll(() => resyncs.b).toEqual(['s/doc', 's/other']);
        expect(resyncs.a).toEqual(['s/doc', 's/doc']);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  },
);
