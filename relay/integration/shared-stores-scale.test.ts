/**
 * Two relay nodes sharing one PostgreSQL database (and Redis fan-out) share
 * everything a person sees, not only documents: a space created and a member
 * added over REST on node A is one that member can list, open and edit on
 * node B; an image uploaded on A downloads on B; a version saved on A is
 * listed on B; and a space trashed on A is purged, documents and files
 * included, by B's clean-up (trash maintenance on PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { openPostgresStores } from '../db/stores.ts';
import { redisUnavailable, startTestRedis, type TestRedis } from '../fanout/test-redis.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE } from './demo-people.ts';
import { synced } from './helpers.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const missing = postgresUnavailable() ?? redisUnavailable();
const suite = missing === null ? describe : describe.skip;
const title = (name: string): string => (missing === null ? name : `${name} (skipped: ${missing})`);

suite(title('spaces, members, files and history shared by two nodes over PostgreSQL'), () => {
  const rigs = useApiRig();
  let postgres: TestPostgres;
  let redis: TestRedis;
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  }, 60_000);
  afterAll(async () => {
    await redis.stop();
    await postgres.stop();
  });

  async function twoNodes(): Promise<{ a: ApiRig; b: ApiRig; databaseUrl: string }> {
    const databaseUrl = await postgres.createDatabase();
    const shared = { databaseUrl, redisUrl: redis.url };
    return { a: await rigs.start(shared), b: await rigs.start(shared), databaseUrl };
  }

  it('a member added on node A lists, opens and edits the space on node B', async () => {
    const { a, b } = await twoNodes();
    const spaceId = await a.space(ADA, { [GRACE]: 'editor' }, 'Shared');
    const listed = await b.api(GRACE, 'GET', '/api/spaces');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      spaces: [{ id: spaceId, name: 'Shared', role: 'editor' }],
    });
    const room = `${spaceId}/plan`;
    const ada = a.connect(room, ADA);
    const grace = b.connect(room, GRACE);
    await Promise.all([synced(ada), synced(grace)]);
    ada.text.insert(0, 'from A. ');
    await expect.poll(() => grace.text.toJSON()).toBe('from A. ');
    grace.text.insert(grace.text.length, 'from B.');
    await expect.poll(() => ada.text.toJSON()).toBe('from A. from B.');

    // A version saved through A is listed through B.
    const saved = await a.api(ADA, 'POST', `/api/spaces/${spaceId}/docs/plan/snapshots`);
    expect(saved.status).toBeLessThan(300);
    const versions = await b.api(GRACE, 'GET', `/api/spaces/${spaceId}/docs/plan/snapshots`);
    expect(versions.body).toMatchObject({ snapshots: [{ reason: 'manual' }] });
  });

  it('an image uploaded on node A downloads on node B', async () => {
    const { a, b } = await twoNodes();
    const spaceId = await a.space(ADA, { [GRACE]: 'viewer' });
    const uploaded = await fetch(`${a.relay.httpUrl}/api/spaces/${spaceId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.tokens[ADA]}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(uploaded.status).toBe(201);
    const { fileId } = (await uploaded.json()) as { fileId: string };
    const downloaded = await fetch(`${b.relay.httpUrl}/api/spaces/${spaceId}/files/${fileId}`, {
      headers: { authorization: `Bearer ${b.tokens[GRACE]}` },
    });
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PNG);
  });

  it('a space trashed on node A is purged with its files by node B’s clean-up', async () => {
    const databaseUrl = await postgres.createDatabase();
    let now = Date.now();
    const shared = { databaseUrl, redisUrl: redis.url, clock: () => now };
    const a = await rigs.start(shared);
    const b = await rigs.start(shared);
    const spaceId = await a.space(ADA);
    const room = `${spaceId}/plan`;
    const ada = a.connect(room, ADA);
    await synced(ada);
    ada.text.insert(0, 'to be purged');
    const documents = await PostgresStorage.open(databaseUrl);
    await expect
      .poll(async () => (await documents.loadDoc(room)).updates.length)
      .toBeGreaterThan(0);
    const uploaded = await fetch(`${a.relay.httpUrl}/api/spaces/${spaceId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.tokens[ADA]}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(uploaded.status).toBe(201);
    expect((await a.api(ADA, 'DELETE', `/api/spaces/${spaceId}`)).status).toBeLessThan(300);
    now += 365 * 24 * 60 * 60 * 1000;
    expect((await b.relay.runMaintenance()).spacesPurged).toEqual([spaceId]);
    const stores = await openPostgresStores(databaseUrl);
    try {
      expect(await stores.spaces.trashOf(ADA)).toEqual([]);
      expect(await stores.files.list(spaceId)).toEqual([]);
      expect((await documents.loadDoc(room)).updates).toEqual([]);
    } finally {
      await stores.close();
      await documents.close();
    }
  });
});
