/**
 * Group commit over real SQLite and PostgreSQL: updates of several rooms arriving in
 * one turn share a transaction, each is broadcast only after its commit, and
 * a burst in one room does not hold another room's update back until the
 * burst ends (asserted on the order of broadcasts, not on timings).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_RELAY_LIMITS } from '../../shared/limits.ts';
import { Room, type RoomDeps, type RoomPeer } from '../docs/room.ts';
import { InProcessFanout } from '../fanout/in-process.ts';
import { silentLogger } from '../log.ts';
import { createMetrics } from '../metrics.ts';
import { groupCommit } from './group-commit.ts';
import { storageBackends } from './test-backends.ts';

/** A peer that logs each frame it is sent as `label`. */
function observer(events: string[], label: string): RoomPeer {
  return { send: () => events.push(label), fail: () => events.push(`${label}:failed`) };
}

for (const backend of storageBackends()) {
  const suite = backend.unavailable === null ? describe : describe.skip;
  const skipped = backend.unavailable === null ? '' : ` (skipped: ${backend.unavailable})`;
  suite(`group commit on ${backend.name}${skipped}`, () => {
    beforeAll(() => backend.setUp(), 60_000);
    afterAll(() => backend.tearDown());

    it('lets a reader of a room see every update queued for it before it asked', async () => {
      const storage = groupCommit(await (await backend.location()).open());
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.getText('t').insert(0, 'queued');
      doc.getText('t').insert(6, ' twice');
      // Not awaited: a version saved over REST asks while the batch still waits for its turn.
      const stored = updates.map((update) => storage.appendUpdate('s/read', update, undefined));
      const loaded = await storage.loadDoc('s/read');
      const copy = new Y.Doc();
      for (const update of loaded.updates) Y.applyUpdate(copy, update);
      expect(copy.getText('t').toJSON()).toBe('queued twice');
      await Promise.all(stored.map((seq) => Promise.resolve(seq)));
      await storage.close();
    });

    it('stores a turn’s updates in one transaction without holding another room behind a burst', async () => {
      const store = await (await backend.location()).open();
      const batches: number[] = [];
      const deps: RoomDeps = {
        storage: groupCommit(store, (size) => batches.push(size)),
        fanout: new InProcessFanout(),
        limits: DEFAULT_RELAY_LIMITS,
        log: silentLogger,
        metrics: createMetrics(),
      };
      const [busy, quiet] = await Promise.all([
        Room.load('s/busy', deps),
        Room.load('s/quiet', deps),
      ]);
      const events: string[] = [];
      const writer = observer([], 'writer');
      busy.add(writer);
      quiet.add(writer);
      busy.add(observer(events, 'busy'));
      quiet.add(observer(events, 'quiet'));
      events.length = 0; // the sync step 1 each observer got on joining

      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 10; i++) source.getText('body').insert(i, String(i));
      // A burst of ten on one socket, then one update in another room, in the same turn.
      for (const update of updates) busy.commitUpdate(writer, update, null);
      const other = new Y.Doc();
      other.getText('body').insert(0, 'quiet');
      quiet.commitUpdate(writer, Y.encodeStateAsUpdate(other), null);
      await Promise.all([busy.flush(), quiet.flush()]);

      // The quiet room's update went out with the burst's first, not after its last.
      expect(events).toEqual(['busy', 'quiet', ...Array<string>(9).fill('busy')]);
      expect(batches[0]).toBe(2);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(11);
      // Everything broadcast is stored.
      const stored = (await store.loadDoc('s/busy')).updates;
      const doc = new Y.Doc();
      for (const update of stored) Y.applyUpdate(doc, update);
      expect(doc.getText('body').toJSON()).toBe('0123456789');
      expect((await store.loadDoc('s/quiet')).updates).toHaveLength(1);
      await Promise.all([busy.close(), quiet.close()]);
      await store.close();
    });
  });
}
