import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { referencedIn } from './file-references.ts';

const A = 'A'.repeat(43);
const B = 'B'.repeat(43);
const C = 'C'.repeat(43);

function stateWith(fileIds: readonly string[], removed: readonly string[] = []): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  for (const id of [...fileIds, ...removed]) {
    const image = new Y.XmlElement('image');
    image.setAttribute('fileId', id);
    fragment.push([image]);
  }
  // Removed images: their content is garbage-collected from the encoded state.
  fragment.delete(fileIds.length, removed.length);
  return Y.encodeStateAsUpdate(doc);
}

describe('referencedIn', () => {
  it('finds the ids a document or a kept version holds, not those removed from it', () => {
    const found = referencedIn([A, B, C], [stateWith([A], [C]), stateWith([B])]);
    expect([...found].sort()).toEqual([A, B]);
  });

  it('finds nothing in no states, and nothing of an id that is absent', () => {
    expect(referencedIn([A], []).size).toBe(0);
    expect(referencedIn([A], [stateWith([B])]).size).toBe(0);
  });
});
