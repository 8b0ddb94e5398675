/**
 * Two relay nodes in one process, each on port 0, sharing one PostgreSQL
 * database and one Redis: clients on different nodes co-edit and see each
 * other's presence, a role change made through one node closes a socket on
 * the other, and a Redis outage mid-session loses nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { redisUnavailable, startTestRedis, type TestRedis } from '../fanout/test-redis.ts';
import type { RelayHandle } from '../server.ts';
import { SqliteSpaceStore } from '../spaces/sqlite-store.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { useApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';
import { connectClient, startTestRelay, synced, tempDataDir, type TestClient } from './helpers.ts';

const missing = postgresUnavailable() ?? redisUnavailable();
const suite = missing === null ? describe : describe.skip;
const title = (name: string): string => (missing === null ? name : `${name} (skipped: ${missing})`);

suite(title('two relay nodes over PostgreSQL and Redis'), () => {
  const rigs = useApiRig();
  let postgres: TestPostgres;
  let redis: TestRedis;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  }, 60_000);
  afterAll(async () => {
    await redis.stop();
    await postgres.stop();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Two open-access nodes on one fresh database and the shared Redis. */
  async function twoNodes(): Promise<{ a: RelayHandle; b: RelayHandle; databaseUrl: string }> {
    const databaseUrl = await postgres.createDatabase();
    const nodes: RelayHandle[] = [];
    for (let i = 0; i < 2; i++) {
      const data = tempDataDir();
      const relay = await startTestRelay(data.dir, { databaseUrl, redisUrl: redis.url });
      cleanups.push(async () => {
        await relay.close();
        data.cleanup();
      });
      nodes.push(relay);
    }
    const [a, b] = nodes;
    if (a === undefined || b === undefined) throw new Error('nodes did not start');
    return { a, b, databaseUrl };
  }

  function client(relay: RelayHandle, room: string): TestClient {
    const c = connectClient(relay.wsUrl, room);
    cleanups.push(() => {
      c.destroy();
    });
    return c;
  }

  async function storedText(databaseUrl: string, room: string): Promise<string> {
    const storage = await PostgresStorage.open(databaseUrl);
    const doc = new Y.Doc();
    for (const update of (await storage.loadDoc(room)).updates) Y.applyUpdate(doc, update);
    await storage.close();
    return doc.getText('body').toJSON();
  }

  it('co-edits a note and shows presence across nodes', async () => {
    const { a, b, databaseUrl } = await twoNodes();
    const alice = client(a, 'team/plan');
    const bob = client(b, 'team/plan');
    await Promise.all([synced(alice), synced(bob)]);
    alice.text.insert(0, 'from A. ');
    await expect.poll(() => bob.text.toJSON()).toBe('from A. ');
    bob.text.insert(bob.text.length, 'from B.');
    await expect.poll(() => alice.text.toJSON()).toBe('from A. from B.');
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await expect
      .poll(() => bob.provider.awareness.getStates().get(alice.doc.clientID))
      .toEqual({ user: { name: 'Alice' } });
    // Stored once, by the node that received each update.
    expect(await storedText(databaseUrl, 'team/plan')).toBe('from A. from B.');
  });

  it('loses nothing when Redis dies mid-session and comes back', async () => {
    const { a, b, databaseUrl } = await twoNodes();
    const alice = client(a, 'team/outage');
    const bob = client(b, 'team/outage');
    await Promise.all([synced(alice), synced(bob)]);
    alice.text.insert(0, 'before. ');
    await expect.poll(() => bob.text.toJSON()).toBe('before. ');

    await redis.kill();
    // Each node still serves its own clients and stores every update.
    alice.text.insert(alice.text.length, 'A-during. ');
    bob.text.insert(0, 'B-during. ');
    await expect
      .poll(() => storedText(databaseUrl, 'team/outage'), { timeout: 10_000 })
      .toBe('B-during. before. A-during. ');

    await redis.restart();
    // On reconnecting, both nodes reload the room from storage and relay what they missed.
    await expect
      .poll(() => alice.text.toJSON(), { timeout: 20_000 })
      .toBe('B-during. before. A-during. ');
    await expect.poll(() => bob.text.toJSON(), { timeout: 20_000 }).toBe(alice.text.toJSON());
    alice.text.insert(alice.text.length, 'after.');
    await expect.poll(() => bob.text.toJSON()).toBe('B-during. before. A-during. after.');
  });

  it('closes a removed member’s socket on the other node', async () => {
    const databaseUrl = await postgres.createDatabase();
    const spaces = tempDataDir();
    const spaceStore = new SqliteSpaceStore({ dataDir: spaces.dir });
    cleanups.push(() => {
      spaceStore.close();
      spaces.cleanup();
    });
    const shared = { databaseUrl, redisUrl: redis.url, spaceStore };
    const nodeA = await rigs.start(shared);
    const nodeB = await rigs.start(shared);
    const spaceId = await nodeA.space(ADA, { [GRACE]: 'editor' });
    const room = `${spaceId}/notes`;
    const grace = await nodeB.openRaw(`/${room}?token=${nodeB.tokens[GRACE]}`);
    const ada = nodeA.connect(room, ADA);
    await synced(ada);
    const removed = await nodeA.api(ADA, 'DELETE', `/api/spaces/${spaceId}/members/${GRACE}`);
    expect(removed.status).toBe(204);
    expect((await grace.closed).code).toBe(CloseCode.Forbidden);
  });
});
