import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { predictStateVector, sameStateVector } from './state-vector.ts';

function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('predictStateVector', () => {
  it('predicts the vector after applying an update that follows what the doc has', () => {
    const source = new Y.Doc();
    const relay = new Y.Doc();
    Y.applyUpdate(relay, edit(source, 'ab'));
    const next = edit(source, 'cd');
    const predicted = predictStateVector(relay, next);
    Y.applyUpdate(relay, next);
    expect(sameStateVector(predicted, Y.encodeStateVector(relay))).toBe(true);
  });

  it('does not count a range that waits for a missing dependency', () => {
    const source = new Y.Doc();
    const relay = new Y.Doc();
    edit(source, 'ab'); // never reaches the relay
    const later = edit(source, 'cd');
    const predicted = predictStateVector(relay, later);
    Y.applyUpdate(relay, later);
    expect(Y.decodeStateVector(predicted).size).toBe(0);
    expect(sameStateVector(predicted, Y.encodeStateVector(relay))).toBe(true);
  });

  it('compares vectors by clocks, not by bytes', () => {
    const a = Y.encodeStateVector(
      new Map([
        [1, 2],
        [3, 4],
      ]),
    );
    const b = Y.encodeStateVector(
      new Map([
        [3, 4],
        [1, 2],
      ]),
    );
    expect(sameStateVector(a, b)).toBe(true);
    expect(sameStateVector(a, Y.encodeStateVector(new Map([[1, 2]])))).toBe(false);
  });
});
