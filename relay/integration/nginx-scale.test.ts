/**
 * The reference deployment, run: nginx with docs/nginx-relay.conf in front of
 * two relay nodes on one PostgreSQL and one Redis. Sockets are spread over
 * both nodes and clients co-edit through the load balancer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { redisUnavailable, startTestRedis, type TestRedis } from '../fanout/test-redis.ts';
import type { RelayHandle } from '../server.ts';
import { connectClient, startTestRelay, synced, tempDataDir, type TestClient } from './helpers.ts';
import { nginxUnavailable, startTestNginx, type TestNginx } from './test-nginx.ts';

const missing = nginxUnavailable() ?? postgresUnavailable() ?? redisUnavailable();
const suite = missing === null ? describe : describe.skip;

suite(
  missing === null
    ? 'reference deployment behind nginx'
    : `reference deployment behind nginx (skipped: ${missing})`,
  () => {
    let postgres: TestPostgres;
    let redis: TestRedis;
    let nginx: TestNginx;
    const nodes: RelayHandle[] = [];
    const cleanups: (() => void)[] = [];
    beforeAll(async () => {
      [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
      const databaseUrl = await postgres.createDatabase();
      for (let i = 0; i < 2; i++) {
        const data = tempDataDir();
        cleanups.push(data.cleanup);
        nodes.push(await startTestRelay(data.dir, { databaseUrl, redisUrl: redis.url }));
      }
      nginx = await startTestNginx(nodes.map((node) => node.port));
    }, 60_000);
    afterAll(async () => {
      await nginx.stop();
      for (const node of nodes) await node.close();
      for (const cleanup of cleanups) cleanup();
      await redis.stop();
      await postgres.stop();
    });

    it('spreads sockets over both nodes, and clients co-edit through it', async () => {
      const wsUrl = nginx.url.replace(/^http/, 'ws');
      const clients: TestClient[] = [];
      for (let i = 0; i < 4; i++) clients.push(connectClient(wsUrl, 'team/through-nginx'));
      try {
        await Promise.all(clients.map((c) => synced(c)));
        // Round robin: each node holds some of the sockets.
        for (const node of nodes) expect(node.stats().connections).toBeGreaterThan(0);
        clients.forEach((c, i) => {
          c.text.insert(0, String(i));
        });
        for (const c of clients) {
          await expect.poll(() => c.text.toJSON().length).toBe(4);
          expect(c.text.toJSON()).toBe(clients[0]?.text.toJSON());
          for (const digit of '0123') expect(c.text.toJSON()).toContain(digit);
        }
      } finally {
        for (const c of clients) c.destroy();
      }
    });
  },
);
