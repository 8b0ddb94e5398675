/**
 * What only a store shared by several nodes must do: compaction by one node
 * keeps what another node stored meanwhile, even when the compacting node's
 * snapshot never saw it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../db/test-postgres.ts';
import { PostgresStorage } from './postgres.ts';

const reason = postgresUnavailable();
(reason === null ? describe : describe.skip)(
  reason === null ? 'PostgresStorage' : `PostgresStorage (skipped: ${reason})`,
  () => {
    let server: TestPostgres;
    beforeAll(async () => {
      server = await startTestPostgres();
    }, 60_000);
    afterAll(() => server.stop());

    it("keeps another node's update that the compacting node's snapshot lacks", async () => {
      const url = await server.createDatabase();
      const [nodeA, nodeB] = await Promise.all([
        PostgresStorage.open(url),
        PostgresStorage.open(url),
      ]);
      const docA = new Y.Doc();
      docA.getText('t').insert(0, 'from A ');
      await nodeA.appendUpdate('s/n', Y.encodeStateAsUpdate(docA));
      const docB = new Y.Doc();
      docB.getText('t').insert(0, 'from B');
      await nodeB.appendUpdate('s/n', Y.encodeStateAsUpdate(docB));
      const throughSeq = await nodeA.appendUpdate('s/n', Y.encodeStateAsUpdate(docA));
      // A compacts from its own copy, which never received B's update.
      await nodeA.compact('s/n', throughSeq, Y.encodeStateAsUpdate(docA));
      const stored = await nodeB.loadDoc('s/n');
      expect(stored.updates).toHaveLength(1);
      const rebuilt = new Y.Doc();
      Y.applyUpdate(rebuilt, stored.updates[0] ?? new Uint8Array());
      Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
      expect(rebuilt.getText('t').toJSON()).toBe(docB.getText('t').toJSON());
      await Promise.all([nodeA.close(), nodeB.close()]);
    });

    it('rolls a failed compaction back, losing nothing', async () => {
      const storage = await PostgresStorage.open(await server.createDatabase());
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'safe');
      const seq = await storage.appendUpdate('s/n', Y.encodeStateAsUpdate(doc));
      // Not a Yjs update: merging it fails after the rows were deleted in the transaction.
      await expect(storage.compact('s/n', seq, new Uint8Array([255, 255, 255]))).rejects.toThrow();
      expect((await storage.loadDoc('s/n')).updates).toHaveLength(1);
      await storage.close();
    });
  },
);
