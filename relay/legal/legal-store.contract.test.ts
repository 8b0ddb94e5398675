/**
 * The legal store's contract and the document storage's purge, run against
 * SQLite and PostgreSQL: retention settings with overrides, holds created and
 * released once, the edit journal (per note, per person, purged by age), the
 * tombstones of purged notes, and `purgeRoom` leaving no deleted text in any
 * stored row while keeping the document's state.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeStores } from '../db/test-databases.ts';
import { summariseUpdate } from './summarise.ts';
import type { LegalHold, LegalStore } from './types.ts';

const hold = (id: string, at: number, scope: LegalHold['scope']): LegalHold => ({
  id,
  caseName: `Case ${id}`,
  scope,
  createdBy: 'hedy',
  createdAt: at,
  releasedBy: null,
  releasedAt: null,
});

const SECRET = 'secret-alpha';

function containsText(rows: readonly Uint8Array[], text: string): boolean {
  return rows.some((row) => Buffer.from(row).includes(Buffer.from(text)));
}

describeStores('LegalStore', (h) => {
  const fresh = async (): Promise<LegalStore> => (await h.fresh()).legal;
  it('keeps a company policy and per-space overrides; both null removes an override', async () => {
    const store = await fresh();
    expect(await store.companyPolicy()).toEqual({ trashDays: null, historyDays: null });
    await store.setCompanyPolicy({ trashDays: 30, historyDays: 365 });
    await store.setSpacePolicy('S1', { trashDays: 7, historyDays: null });
    await store.setSpacePolicy('S2', { trashDays: null, historyDays: 90 });
    expect(await store.companyPolicy()).toEqual({ trashDays: 30, historyDays: 365 });
    expect(await store.spacePolicies()).toEqual([
      { spaceId: 'S1', trashDays: 7, historyDays: null },
      { spaceId: 'S2', trashDays: null, historyDays: 90 },
    ]);
    await store.setSpacePolicy('S1', { trashDays: null, historyDays: null });
    expect((await store.spacePolicies()).map((p) => p.spaceId)).toEqual(['S2']);
  });

  it('lists holds newest first and releases one only once', async () => {
    const store = await fresh();
    await store.insertHold(hold('h1', 1000, { kind: 'space', spaceId: 'S1' }));
    await store.insertHold(hold('h2', 2000, { kind: 'person', personId: 'ada' }));
    expect((await store.holds()).map((h) => h.id)).toEqual(['h2', 'h1']);
    const released = await store.releaseHold('h1', 'hedy', 3000);
    expect(released).toMatchObject({ id: 'h1', releasedBy: 'hedy', releasedAt: 3000 });
    expect(await store.releaseHold('h1', 'other', 4000)).toMatchObject({
      releasedBy: 'hedy',
      releasedAt: 3000,
    });
    expect(await store.releaseHold('nope', 'hedy', 4000)).toBeNull();
    expect((await store.holds())[0]).toEqual(hold('h2', 2000, { kind: 'person', personId: 'ada' }));
  });

  it('journals edits per note and person, purges them by age, forgets a purged note', async () => {
    const store = await fresh();
    const edit = (docId: string, at: number, by: string | null) => ({
      spaceId: 'S',
      docId,
      at,
      by,
      inserts: [{ client: 1, clock: at, length: 2, text: 'hi' }],
      deletes: [{ client: 1, clock: 0, length: 1 }],
    });
    await store.appendEdits([
      edit('n1', 10, 'ada'),
      edit('n1', 20, 'grace'),
      edit('n2', 30, 'ada'),
    ]);
    expect(await store.edits('S', 'n1')).toEqual([edit('n1', 10, 'ada'), edit('n1', 20, 'grace')]);
    expect(await store.notesEditedBy('ada')).toEqual([
      { spaceId: 'S', docId: 'n1' },
      { spaceId: 'S', docId: 'n2' },
    ]);
    expect((await store.editorsOf('S', 'n1')).sort()).toEqual(['ada', 'grace']);
    expect(await store.purgeEdits('S', 'n1', 15)).toBe(1);
    expect(await store.editorsOf('S', 'n1')).toEqual(['grace']);
    expect(await store.isPurged('S', 'n2')).toBe(false);
    await store.markPurged('S', 'n2', 99);
    await store.markPurged('S', 'n2', 100);
    expect(await store.isPurged('S', 'n2')).toBe(true);
    expect(await store.edits('S', 'n2')).toEqual([]);
  });

  it('purgeRoom keeps the state and drops every deleted text from the stored rows', async () => {
    await fresh();
    const storage = h.track(await h.location.openDocuments());
    const doc = new Y.Doc();
    const rows: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => rows.push(u));
    const text = doc.getText('body');
    text.insert(0, `keep ${SECRET} end`);
    text.delete(5, SECRET.length + 1);
    for (const row of rows) await storage.appendUpdate('S/n1', row);
    await storage.appendUpdate('S/n2', rows[0] ?? new Uint8Array());
    expect(summariseUpdate(rows[0] ?? new Uint8Array()).inserts[0]?.text).toContain(SECRET);
    expect(containsText((await storage.loadDoc('S/n1')).updates, SECRET)).toBe(true);

    await storage.purgeRoom?.('S/n1', 'state');
    const kept = await storage.loadDoc('S/n1');
    expect(kept.updates).toHaveLength(1);
    expect(containsText(kept.updates, SECRET)).toBe(false);
    const back = new Y.Doc();
    for (const row of kept.updates) Y.applyUpdate(back, row);
    expect(back.getText('body').toJSON()).toBe('keep end');
    // A later edit still merges with the purged state.
    text.insert(0, '> ');
    await storage.appendUpdate('S/n1', rows.at(-1) ?? new Uint8Array());
    const later = new Y.Doc();
    for (const row of (await storage.loadDoc('S/n1')).updates) Y.applyUpdate(later, row);
    expect(later.getText('body').toJSON()).toBe('> keep end');

    await storage.purgeRoom?.('S/n2', 'nothing');
    expect((await storage.loadDoc('S/n2')).updates).toEqual([]);
    expect((await storage.listMarkers('S')).map((m) => m.docId)).not.toContain('n2');
  });
});
