import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreIndexFromSnapshot } from './history-restore.ts';

function index(pages: Record<string, unknown>, templates: Record<string, unknown> = {}): Y.Doc {
  const doc = new Y.Doc();
  for (const [k, v] of Object.entries(pages)) doc.getMap('pages').set(k, v);
  for (const [k, v] of Object.entries(templates)) doc.getMap('templates').set(k, v);
  return doc;
}

describe('restoreIndexFromSnapshot', () => {
  it('brings pages and templates back as one edit that syncs to another replica', () => {
    const before = index({ a: { title: 'A' }, b: { title: 'B' } }, { t: { name: 'T' } });
    const snapshot = Y.encodeStateAsUpdate(before);
    const live = new Y.Doc();
    Y.applyUpdate(live, snapshot);
    live.getMap('pages').clear();
    live.getMap('pages').set('junk', { title: 'wiped' });
    live.getMap('templates').delete('t');
    live.getMap('changes').set('n1', { at: 1 });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live));

    const updates: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => updates.push(u));
    expect(restoreIndexFromSnapshot(live, snapshot)).toBe(4);
    expect(updates).toHaveLength(1);
    for (const u of updates) Y.applyUpdate(other, u);
    expect(other.getMap('pages').toJSON()).toEqual({ a: { title: 'A' }, b: { title: 'B' } });
    expect(other.getMap('templates').toJSON()).toEqual({ t: { name: 'T' } });
    // Change markers are about notes: the restore leaves them.
    expect(other.getMap('changes').toJSON()).toEqual({ n1: { at: 1 } });
  });

  it('changes nothing when the tree already matches', () => {
    const doc = index({ a: { title: 'A' } });
    expect(restoreIndexFromSnapshot(doc, Y.encodeStateAsUpdate(doc))).toBe(0);
  });
});
