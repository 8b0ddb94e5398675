/**
 * Copying a SQLite data directory's spaces, members, people, files and
 * version history into PostgreSQL: the relay then sees the same spaces,
 * members, images and snapshots on PostgreSQL, the report's counts and bytes
 * agree, running it twice changes nothing, and a target holding rows of its
 * own is reported as a mismatch.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres } from '../db/postgres.ts';
import { migrateStores, openPostgresStores, openSqliteStores } from '../db/stores.ts';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { tempDataDir } from '../integration/helpers.ts';
import { silentLogger } from '../log.ts';
import { runMigrateCommand } from './migrate-cli.ts';
import { copyStores } from './migrate-stores.ts';
import { verifyChain } from '../audit/chain.ts';
import { DEFAULT_CLASSIFICATION_LABELS } from '../../shared/classification-api.ts';

const reason = postgresUnavailable();
(reason === null ? describe : describe.skip)(
  reason === null ? 'migrate SQLite stores to PostgreSQL' : `migrate stores (skipped: ${reason})`,
  () => {
    let server: TestPostgres;
    const cleanups: (() => Promise<void> | void)[] = [];
    beforeAll(async () => {
      server = await startTestPostgres();
    }, 60_000);
    afterAll(() => server.stop());
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    const image = new Uint8Array(50_000).map((_, i) => (i * 7) % 256);

    /** A data directory with two spaces (one trashed), people, images and snapshots. */
    async function populated(): Promise<string> {
      const data = tempDataDir();
      cleanups.push(data.cleanup);
      const stores = openSqliteStores(data.dir);
      await stores.spaces.createSpace({ id: 'team', name: 'Team', icon: '🚀' }, 'ada');
      await stores.spaces.setRole('team', 'grace', 'editor');
      await stores.spaces.createSpace({ id: 'old', name: 'Old' }, 'ada');
      await stores.spaces.trashSpace('old', 1234);
      await stores.spaces.upsertPerson({ id: 'ada', name: 'Ada', email: 'ada@example.com' });
      await stores.files.put(
        'team',
        'img1',
        { contentType: 'image/png', bytes: image },
        'ada',
        null,
      );
      await stores.files.put(
        'team',
        'img2',
        { contentType: 'image/gif', bytes: image.slice(9) },
        'grace',
        null,
      );
      await stores.files.trash('team', 'img2', 5000);
      for (const [id, at] of [
        ['s1', 10],
        ['s2', 10],
        ['s3', 20],
      ] as const) {
        await stores.snapshots.insert(
          { id, spaceId: 'team', docId: 'plan', createdAt: at, createdBy: 'ada', reason: 'manual' },
          new Uint8Array([at, 1, 2]),
        );
      }
      await stores.audit.append({ kind: 'space.created', actor: 'ada', space: 'team' }, 1);
      await stores.audit.append(
        {
          kind: 'member.set',
          actor: 'ada',
          space: 'team',
          target: 'grace',
          detail: { role: 'editor' },
        },
        2,
      );
      await stores.legal.setCompanyPolicy({ trashDays: 30, historyDays: null });
      await stores.legal.insertHold({
        id: 'h1',
        caseName: 'Case',
        scope: { kind: 'person', personId: 'ada' },
        createdBy: 'hedy',
        createdAt: 7,
        releasedBy: null,
        releasedAt: null,
      });
      await stores.legal.appendEdits([
        { spaceId: 'team', docId: 'plan', at: 8, by: 'ada', inserts: [], deletes: [] },
      ]);
      await stores.legal.markPurged('team', 'gone', 9);
      await stores.webhooks.create({
        id: 'hook',
        spaceId: 'team',
        url: 'https://hooks.example.com/in',
        events: ['member.added'],
        secret: 'whsec_x',
        enabled: true,
        createdAt: 3,
        createdBy: 'ada',
      });
      await stores.webhooks.enqueue([
        {
          eventId: 'evt_1',
          webhookId: 'hook',
          kind: 'member.added',
          payload: '{}',
          createdAt: 4,
          notBefore: 4,
        },
      ]);
      await stores.policy.publish('Be kind.', 'hedy', 11);
      await stores.policy.accept({ userId: 'ada', version: 1, at: 12, ip: null, client: null });
      await stores.classification.setLabels(DEFAULT_CLASSIFICATION_LABELS);
      await stores.classification.setSpaceLabel('team', 'restricted', 13);
      await stores.knowledge.addEdits([
        { spaceId: 'team', docId: 'plan', person: 'ada', edits: 7, firstAt: 1, lastAt: 9 },
      ]);
      await stores.knowledge.putText({
        spaceId: 'team',
        docId: 'plan',
        title: 'Plan',
        text: 'Kubernetes',
        updatedAt: 9,
      });
      await stores.knowledge.setProfile(
        { person: 'ada', skills: ['Yjs'], askMeAbout: [], expertOptIn: true },
        9,
      );
      await stores.close();
      return data.dir;
    }

    it('copies every table, checks rows and bytes, and the relay reads it all back', async () => {
      const dataDir = await populated();
      const url = await server.createDatabase();
      const pool = await openPostgres(url);
      cleanups.push(() => pool.end());
      await migrateStores(pool);
      const report = await copyStores({ dataDir, target: pool, log: silentLogger });
      expect(report.mismatched).toEqual([]);
      const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
      expect(byTable['spaces']).toMatchObject({ sourceRows: 2, targetRows: 2 });
      expect(byTable['members']).toMatchObject({ sourceRows: 3, targetRows: 3 });
      expect(byTable['people']).toMatchObject({ sourceRows: 1, targetRows: 1 });
      expect(byTable['files']).toMatchObject({
        sourceRows: 2,
        targetRows: 2,
        sourceBytes: 2 * image.length - 9,
        targetBytes: 2 * image.length - 9,
      });
      expect(byTable['snapshots']).toMatchObject({ sourceRows: 3, sourceBytes: 9, targetBytes: 9 });
      expect(byTable['audit_log']).toMatchObject({ sourceRows: 2, targetRows: 2 });
      for (const table of ['legal_retention', 'legal_holds', 'legal_edits', 'legal_purged']) {
        expect(byTable[table], table).toMatchObject({ sourceRows: 1, targetRows: 1 });
      }
      expect(byTable['webhooks']).toMatchObject({ sourceRows: 1, targetRows: 1 });
      expect(byTable['outbox']).toMatchObject({ sourceRows: 1, targetRows: 1 });
      for (const table of [
        'policy_versions',
        'policy_acceptances',
        'space_labels',
        'knowledge_authorship',
        'knowledge_notes',
        'knowledge_profiles',
      ]) {
        expect(byTable[table], table).toMatchObject({ sourceRows: 1, targetRows: 1 });
      }

      const again = await copyStores({ dataDir, target: pool, log: silentLogger });
      expect(again.tables).toEqual(report.tables);

      const pg = await openPostgresStores(url);
      cleanups.push(() => pg.close());
      expect(await pg.spaces.spacesOf('grace')).toEqual([
        { id: 'team', name: 'Team', icon: '🚀', role: 'editor' },
      ]);
      expect(await pg.spaces.trashOf('ada')).toEqual([
        { space: { id: 'old', name: 'Old' }, deletedAt: 1234 },
      ]);
      expect(await pg.spaces.getPerson('ada')).toEqual({
        id: 'ada',
        name: 'Ada',
        email: 'ada@example.com',
      });
      expect(await pg.files.get('team', 'img1')).toEqual({
        contentType: 'image/png',
        bytes: image,
      });
      expect((await pg.files.list('team')).find((f) => f.fileId === 'img2')?.deletedAt).toBe(5000);
      // The audit chain arrives intact: every hash still matches its entry.
      expect(await verifyChain(async (after, limit) => pg.audit.after(after, limit))).toMatchObject(
        {
          ok: true,
          entries: 2,
        },
      );
      expect((await pg.legal.holds()).map((h) => h.id)).toEqual(['h1']);
      // Who accepted the policy, and the space's label, survive the move.
      expect(await pg.policy.acceptedVersion('ada')).toBe(1);
      expect(await pg.classification.spaceLabel('team')).toBe('restricted');
      // Who wrote what, and declared profiles, survive the move.
      expect(await pg.knowledge.notesOf('ada', 5)).toMatchObject([{ docId: 'plan', edits: 7 }]);
      expect((await pg.knowledge.profile('ada'))?.skills).toEqual(['Yjs']);
      expect(await pg.legal.isPurged('team', 'gone')).toBe(true);
      // The journal's sequence moved past the copied entries: new ones still append.
      await pg.legal.appendEdits([
        { spaceId: 'team', docId: 'plan', at: 10, by: 'grace', inserts: [], deletes: [] },
      ]);
      expect((await pg.legal.editorsOf('team', 'plan')).sort()).toEqual(['ada', 'grace']);
      // Ties in time keep their order: s2 was taken after s1.
      expect((await pg.snapshots.list('team', 'plan')).map((s) => s.id)).toEqual([
        's3',
        's2',
        's1',
      ]);
    });

    it('reports a target that holds rows of its own as a mismatch', async () => {
      const dataDir = await populated();
      const url = await server.createDatabase();
      const pg = await openPostgresStores(url);
      await pg.spaces.createSpace({ id: 'stray', name: 'Stray' }, 'eve');
      await pg.close();
      const pool = await openPostgres(url);
      cleanups.push(() => pool.end());
      const report = await copyStores({ dataDir, target: pool, log: silentLogger });
      expect(report.mismatched).toEqual(['spaces', 'members']);
    });

    it('runs as part of the migrate command: exit 0 with documents and stores copied', async () => {
      const dataDir = await populated();
      const url = await server.createDatabase();
      const stdout = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
      try {
        expect(await runMigrateCommand(['--data', dataDir], { RELAY_DATABASE_URL: url }, '/')).toBe(
          0,
        );
      } finally {
        stdout.mockRestore();
      }
      const pg = await openPostgresStores(url);
      cleanups.push(() => pg.close());
      expect(await pg.spaces.roleOf('team', 'ada')).toBe('owner');
      expect((await pg.files.get('team', 'img1'))?.bytes).toEqual(image);
    });
  },
);
