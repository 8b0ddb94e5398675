import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { advancedSince, readVector } from './changes.ts';
import { decodeVector, encodeVector, readLooked, recordLook, MAX_LOOKED } from './last-looked.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      map.set(key, value);
    },
  };
}

describe('changes since I looked', () => {
  it('sees another writer’s edit after my look, and not my look itself', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'mine');
    const seen = Y.encodeStateVector(doc);
    expect(advancedSince(seen, Y.encodeStateVector(doc))).toBe(false);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('t').insert(0, 'theirs ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(advancedSince(seen, Y.encodeStateVector(doc))).toBe(true);
  });

  it('treats a garbled vector as unchanged rather than failing', () => {
    expect(readVector(new Uint8Array([5]))).toBeNull();
    expect(advancedSince(new Uint8Array([5]), new Uint8Array([0]))).toBe(false);
  });
});

describe('last looked', () => {
  it('keeps the newest look per note, newest first, per person, capped', () => {
    const storage = memoryStorage();
    const sv = new Uint8Array([1, 2, 3]);
    recordLook(storage, 'ada', { spaceId: 's', docId: 'a' }, sv, 1);
    recordLook(storage, 'ada', { spaceId: 's', docId: 'b' }, sv, 2);
    recordLook(storage, 'ada', { spaceId: 's', docId: 'a' }, sv, 3);
    expect(readLooked(storage, 'ada').map((e) => [e.room.docId, e.look.at])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(readLooked(storage, 'grace')).toEqual([]);
    expect(decodeVector(encodeVector(sv))).toEqual(sv);
    for (let i = 0; i < MAX_LOOKED + 5; i++) {
      recordLook(storage, 'ada', { spaceId: 's', docId: `n${String(i)}` }, sv, 10 + i);
    }
    expect(readLooked(storage, 'ada')).toHaveLength(MAX_LOOKED);
  });

  it('reads a corrupt record as empty', () => {
    const storage = memoryStorage();
    storage.setItem('commonplace.looked.v1.ada', '{not json');
    expect(readLooked(storage, 'ada')).toEqual([]);
  });
});
