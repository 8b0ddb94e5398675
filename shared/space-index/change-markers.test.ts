import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  changedNotes,
  readChangeMarker,
  readChangeMarkers,
  recordNoteChange,
} from './change-markers.ts';
import { SpaceIndexError } from './errors.ts';

describe('change markers', () => {
  it('records the last change of a note and syncs it to another replica', () => {
    const relay = new Y.Doc();
    recordNoteChange(relay, 'note-1', { updatedAt: 10, updatedBy: 'alice', state: 'abc' });
    recordNoteChange(relay, 'note-1', { updatedAt: 20, updatedBy: 'bob' });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(relay));
    expect(readChangeMarker(client, 'note-1')).toEqual({ updatedAt: 20, updatedBy: 'bob' });
    expect(readChangeMarker(client, 'other')).toBeNull();
  });

  it('lists the notes whose marker differs from what the client last synced', () => {
    const doc = new Y.Doc();
    recordNoteChange(doc, 'a', { updatedAt: 1, updatedBy: 'u' });
    recordNoteChange(doc, 'b', { updatedAt: 2, updatedBy: 'u', state: 's1' });
    recordNoteChange(doc, 'c', { updatedAt: 3, updatedBy: 'u' });
    const known = new Map([
      ['a', { updatedAt: 1, updatedBy: 'u' }],
      ['b', { updatedAt: 2, updatedBy: 'u', state: 's0' }],
    ]);
    expect(changedNotes(readChangeMarkers(doc), known)).toEqual(['b', 'c']);
  });

  it('refuses malformed input and ignores malformed stored markers', () => {
    const doc = new Y.Doc();
    expect(() => {
      recordNoteChange(doc, '../x', { updatedAt: 1, updatedBy: 'u' });
    }).toThrow(SpaceIndexError);
    expect(() => {
      recordNoteChange(doc, 'x', { updatedAt: Number.NaN, updatedBy: 'u' });
    }).toThrow(SpaceIndexError);
    expect(() => {
      recordNoteChange(doc, 'x', { updatedAt: 1, updatedBy: '' });
    }).toThrow(SpaceIndexError);
    expect(() => {
      recordNoteChange(doc, 'x', { updatedAt: 1, updatedBy: 'u', state: 'x'.repeat(129) });
    }).toThrow(SpaceIndexError);
    doc.getMap('changes').set('y', 'garbage');
    doc.getMap('changes').set('bad id', { updatedAt: 1, updatedBy: 'u' });
    expect(readChangeMarkers(doc).size).toBe(0);
  });
});
