/**
 * The document storage contract, run against every backend: SQLite and
 * PostgreSQL must behave the same for the relay above them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storageBackends, type StoreLocation } from './test-backends.ts';
import type { DocStorage } from './types.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

/** A real Yjs update inserting `text` at the end of a shared doc's text. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const body = doc.getText('t');
  body.insert(body.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

async function textOf(storage: DocStorage, room: string): Promise<string> {
  const { updates } = await storage.loadDoc(room);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toJSON();
}

for (const backend of storageBackends()) {
  const suite = backend.unavailable === null ? describe : describe.skip;
  const title =
    backend.unavailable === null
      ? `DocStorage on ${backend.name}`
      : `DocStorage on ${backend.name} (skipped: ${backend.unavailable})`;
  suite(title, () => {
    beforeAll(() => backend.setUp(), 60_000);
    afterAll(() => backend.tearDown());
    let location: StoreLocation;
    const open = async (): Promise<DocStorage> => {
      location = await backend.location();
      return location.open();
    };

    it('appends per room in order and reads them back after reopening', async () => {
      const storage = await open();
      const s1 = await storage.appendUpdate('a/x', bytes(1));
      await storage.appendUpdate('b/y', bytes(9));
      const s2 = await storage.appendUpdate('a/x', bytes(2, 2));
      expect(s2).toBeGreaterThan(s1);
      await storage.close();
      const reopened = await location.open();
      expect(await reopened.loadDoc('a/x')).toEqual({
        updates: [bytes(1), bytes(2, 2)],
        lastSeq: s2,
      });
      expect(await reopened.loadDoc('none/here')).toEqual({ updates: [], lastSeq: 0 });
      await reopened.close();
    });

    it('compacts rows up to a sequence number, keeping later ones after the merged row', async () => {
      const storage = await open();
      const doc = new Y.Doc();
      await storage.appendUpdate('a/x', edit(doc, 'one '));
      const through = await storage.appendUpdate('a/x', edit(doc, 'two '));
      const other = new Y.Doc();
      await storage.appendUpdate('b/y', edit(other, 'elsewhere'));
      const snapshot = Y.encodeStateAsUpdate(doc);
      const later = await storage.appendUpdate('a/x', edit(doc, 'three'));
      await storage.compact('a/x', through, snapshot);
      const stored = await storage.loadDoc('a/x');
      expect(stored.updates).toHaveLength(2);
      expect(stored.lastSeq).toBe(later);
      expect(await textOf(storage, 'a/x')).toBe('one two three');
      expect(await textOf(storage, 'b/y')).toBe('elsewhere');
      await storage.close();
    });

    it('keeps a change marker per document, written with each update, listed per space', async () => {
      const storage = await open();
      await storage.appendUpdate('s1/note', bytes(1), {
        stateVector: bytes(1, 5, 1),
        by: 'ada',
        at: 10,
      });
      await storage.appendUpdate('s1/index', bytes(2), {
        stateVector: bytes(1, 6, 1),
        by: null,
        at: 11,
      });
      await storage.appendUpdate('s2/other', bytes(3), {
        stateVector: bytes(0),
        by: 'bob',
        at: 12,
      });
      await storage.appendUpdate('s1/note', bytes(4), {
        stateVector: bytes(1, 5, 2),
        by: 'bob',
        at: 13,
      });
      await storage.setStateVector('s1/note', bytes(1, 5, 3));
      expect(await storage.listMarkers('s1')).toEqual([
        { docId: 'index', stateVector: bytes(1, 6, 1), updatedAt: 11, updatedBy: null },
        { docId: 'note', stateVector: bytes(1, 5, 3), updatedAt: 13, updatedBy: 'bob' },
      ]);
      expect(await storage.listMarkers('nobody')).toEqual([]);
      await storage.close();
      const reopened = await location.open();
      expect(await reopened.listMarkers('s2')).toHaveLength(1);
      await reopened.close();
    });

    it('rolls the update back when its marker cannot be written', async () => {
      const storage = await open();
      await expect(
        Promise.resolve().then(() =>
          storage.appendUpdate('s1/note', bytes(1), {
            stateVector: bytes(0),
            by: null,
            at: Number.NaN, // NOT NULL integer column: the marker insert fails
          }),
        ),
      ).rejects.toThrow();
      expect((await storage.loadDoc('s1/note')).updates).toEqual([]);
      expect(await storage.listMarkers('s1')).toEqual([]);
      await storage.close();
    });

    it('deletes every document of one space and nothing of a space whose id it prefixes', async () => {
      const storage = await open();
      const meta = { stateVector: bytes(0), by: null, at: 1 };
      await storage.appendUpdate('s1/note', bytes(1), meta);
      await storage.appendUpdate('s1/index', bytes(2), meta);
      await storage.appendUpdate('s10/note', bytes(3), meta);
      await storage.deleteSpace?.('s1');
      expect((await storage.loadDoc('s1/note')).updates).toEqual([]);
      expect((await storage.loadDoc('s1/index')).updates).toEqual([]);
      expect(await storage.listMarkers('s1')).toEqual([]);
      expect((await storage.loadDoc('s10/note')).updates).toEqual([bytes(3)]);
      expect(await storage.listMarkers('s10')).toHaveLength(1);
      await storage.close();
    });

    it('answers a readiness ping while open', async () => {
      const storage = await open();
      await expect(Promise.resolve().then(() => storage.ping?.())).resolves.toBeUndefined();
      await storage.close();
    });
  });
}
