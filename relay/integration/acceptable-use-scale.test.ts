/**
 * The acceptable-use policy on two relay nodes over one PostgreSQL and Redis,
 * with stock y-websocket clients: a version published through node A makes a
 * socket on node B read-only without reconnecting (the honest client on A
 * never sees the edit B refused), and accepting through A makes B's socket
 * writable again. The rechecks travel on the fan-out's control channel.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POLICY_NOT_ACCEPTED_REASON } from '../../shared/acceptable-use.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { redisUnavailable, startTestRedis, type TestRedis } from '../fanout/test-redis.ts';
import { useApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';
import { synced } from './helpers.ts';

const missing = postgresUnavailable() ?? redisUnavailable();
const suite = missing === null ? describe : describe.skip;
const title = (name: string): string => (missing === null ? name : `${name} (skipped: ${missing})`);

/** The dev IdP's demo admin. */
const HEDY = 'emp-1005';

suite(title('the acceptable-use policy across two relay nodes'), () => {
  const rigs = useApiRig({ adminGroup: 'commonplace-admins' });
  let postgres: TestPostgres;
  let redis: TestRedis;
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  }, 60_000);
  afterAll(async () => {
    await redis.stop();
    await postgres.stop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('publishing on A blocks a socket on B live; accepting on A unblocks it', async () => {
    const shared = { databaseUrl: await postgres.createDatabase(), redisUrl: redis.url };
    const a = await rigs.start(shared);
    const b = await rigs.start(shared);
    const space = await a.space(ADA, { [GRACE]: 'editor' });
    const room = `${space}/notes`;
    const ada = a.connect(room, ADA);
    const grace = b.connect(room, GRACE);
    await Promise.all([synced(ada), synced(grace)]);
    grace.text.insert(0, 'before ');
    await expect.poll(() => ada.text.toJSON()).toBe('before ');

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const admin = { token: await rigs.idp.token(HEDY) };
    const published = await a.api(admin, 'POST', '/api/admin/policy', { text: 'Be kind.' });
    expect(published.status).toBe(201);
    // Both sockets are told, Grace's on B through Redis.
    await expect
      .poll(() => warn.mock.calls.filter((c) => c.join(' ').includes(POLICY_NOT_ACCEPTED_REASON)))
      .toHaveLength(2);
    expect((await a.api(ADA, 'POST', '/api/policy/accept', { version: 1 })).status).toBe(200);

    // B refuses Grace's edit; Ada, the honest client on A, never sees it.
    grace.text.insert(grace.text.length, 'refused ');
    await expect.poll(() => b.relay.metrics.writesRefused).toBe(1);
    ada.text.insert(ada.text.length, 'marker');
    await expect.poll(() => grace.text.toJSON()).toContain('marker');
    expect(ada.text.toJSON()).toBe('before marker');

    // Accepting through A makes the same socket on B writable.
    expect((await a.api(GRACE, 'POST', '/api/policy/accept', { version: 1 })).status).toBe(200);
    grace.text.insert(grace.text.length, ' after');
    await expect.poll(() => ada.text.toJSON()).toContain('after');
  });
});
