/**
 * The document storage contract, run against every backend: SQLite and
 * PostgreSQL must behave the same for the relay above them, whether appends
 * go to the store one by one or through group commit (as the relay runs them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupCommit } from './group-commit.ts';
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
    for (const batching of ['one by one', 'group commit'] as const) {
      describe(`appends ${batching}`, () => {
        contract(() => backend.location(), batching === 'group commit');
      });
    }
    describe('batches', () => {
      batchContract(() => backend.location());
    });
  });
}

/** `appendBatch` and group commit over it: one transaction per turn, one bad row refusing only itself. */
function batchContract(newLocation: () => Promise<StoreLocation>): void {
  const meta = (at: number) => ({ stateVector: bytes(0), by: 'ada', at });

  it('appends a batch in order, and stores nothing of a batch with one bad row', async () => {
    const store = await (await newLocation()).open();
    const seqs = await store.appendBatch([
      { room: 's1/a', update: bytes(1), meta: meta(1) },
      { room: 's1/b', update: bytes(2), meta: undefined },
      { room: 's1/a', update: bytes(3), meta: meta(3) },
    ]);
    expect(seqs).toHaveLength(3);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(3);
    expect(await store.loadDoc('s1/a')).toEqual({
      updates: [bytes(1), bytes(3)],
      lastSeq: seqs[2],
    });
    await expect(
      store.appendBatch([
        { room: 's1/a', update: bytes(4), meta: meta(4) },
        { room: 's1/c', update: bytes(5), meta: meta(Number.NaN) },
      ]),
    ).rejects.toThrow();
    expect((await store.loadDoc('s1/a')).updates).toEqual([bytes(1), bytes(3)]);
    expect((await store.loadDoc('s1/c')).updates).toEqual([]);
    expect((await store.listMarkers('s1')).map((m) => [m.docId, m.updatedAt])).toEqual([['a', 3]]);
    await store.close();
  });

  it('group-commits the appends of one turn, refusing only the bad row’s caller', async () => {
    const batches: number[] = [];
    const storage = groupCommit(await (await newLocation()).open(), (size) => batches.push(size));
    // Queued in one turn, not awaited one by one.
    const results = await Promise.allSettled([
      storage.appendUpdate('s1/a', bytes(1), meta(1)),
      storage.appendUpdate('s1/b', bytes(2), meta(2)),
      storage.appendUpdate('s1/a', bytes(3), meta(Number.NaN)),
      storage.appendUpdate('s1/a', bytes(4), meta(4)),
    ]);
    expect(batches).toEqual([4]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((await storage.loadDoc('s1/a')).updates).toEqual([bytes(1), bytes(4)]);
    expect((await storage.loadDoc('s1/b')).updates).toEqual([bytes(2)]);
    await storage.close();
  });
}

/** The contract's cases; with `batched`, every store is wrapped in group commit. */
function contract(newLocation: () => Promise<StoreLocation>, batched: boolean): void {
  let location: StoreLocation;
  const reopen = async (): Promise<DocStorage> => {
    const store = await location.open();
    return batched ? groupCommit(store) : store;
  };
  const open = async (): Promise<DocStorage> => {
    location = await newLocation();
    return reopen();
  };

  it('appends per room in order and reads them back after reopening', async () => {
    const storage = await open();
    const s1 = await storage.appendUpdate('a/x', bytes(1));
    await storage.appendUpdate('b/y', bytes(9));
    const s2 = await storage.appendUpdate('a/x', bytes(2, 2));
    expect(s2).toBeGreaterThan(s1);
    await storage.close();
    const reopened = await reopen();
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
    const reopened = await reopen();
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
}
