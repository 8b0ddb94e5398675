import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AwarenessTooLargeError,
  decodeClientMessage,
  ProtocolError,
  validateUpdate,
} from './decode.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './encode.ts';

const limits = { maxAwarenessBytes: 1024 };

function docUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function awarenessUpdate(entries: [number, number, string][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

describe('decodeClientMessage', () => {
  it('decodes the frames a stock client sends', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const sv = Y.encodeStateVector(doc);
    expect(decodeClientMessage(encodeSyncStep1(sv), limits)).toEqual({
      kind: 'sync-step1',
      stateVector: sv,
    });
    const update = docUpdate('hello');
    expect(decodeClientMessage(encodeSyncUpdate(update), limits)).toMatchObject({
      kind: 'sync-update',
      update,
      empty: false,
    });
    expect(decodeClientMessage(encodeSyncStep2(update), limits)).toMatchObject({
      kind: 'sync-step2',
    });
    const aw = awarenessUpdate([[7, 1, '{"user":{"name":"A"}}']]);
    expect(decodeClientMessage(encodeAwareness(aw), limits)).toEqual({
      kind: 'awareness',
      update: aw,
    });
    expect(decodeClientMessage(Uint8Array.from([3]), limits)).toEqual({ kind: 'query-awareness' });
  });

  it('marks an update with no structs and no deletions as empty', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(decodeClientMessage(encodeSyncStep2(empty), limits)).toMatchObject({ empty: true });
  });

  it.each([
    ['an empty frame', Uint8Array.from([])],
    ['an unknown message type', Uint8Array.from([9])],
    ['an unknown sync type', Uint8Array.from([0, 7, 0])],
    ['a sync frame without payload', Uint8Array.from([0, 2])],
    ['a payload length past the end', Uint8Array.from([0, 2, 50, 1, 2])],
    ['trailing bytes after a message', Uint8Array.from([3, 0])],
    ['an unterminated varint', Uint8Array.from([0x80, 0x80])],
    ['garbage as an update', Uint8Array.from([0, 2, 3, 0xff, 0xff, 0xff])],
    ['a state vector cut short', Uint8Array.from([0, 0, 2, 2, 1])],
    ['awareness with invalid JSON', encodeAwareness(awarenessUpdate([[1, 1, '{nope']]))],
    ['awareness cut short', encodeAwareness(awarenessUpdate([[1, 1, '{}']]).subarray(0, 2))],
  ])('rejects %s with a ProtocolError', (_label, frame) => {
    expect(() => decodeClientMessage(frame, limits)).toThrow(ProtocolError);
  });

  it('rejects an update cut short inside its structs', () => {
    const update = docUpdate('a longer piece of text');
    expect(() =>
      decodeClientMessage(encodeSyncUpdate(update.subarray(0, update.length - 5)), limits),
    ).toThrow(ProtocolError);
  });

  it('rejects awareness over the size limit before parsing it', () => {
    const big = awarenessUpdate([[1, 1, JSON.stringify({ pad: 'x'.repeat(2000) })]]);
    expect(() => decodeClientMessage(encodeAwareness(big), limits)).toThrow(AwarenessTooLargeError);
  });
});

describe('updates over the guard threshold', () => {
  it('are left undecoded for the update guard', () => {
    const update = docUpdate('x'.repeat(100));
    const limited = { maxAwarenessBytes: 64, updateGuardThresholdBytes: 50 };
    expect(decodeClientMessage(encodeSyncUpdate(update), limited)).toMatchObject({
      kind: 'sync-update',
      decoded: null,
    });
    const small = decodeClientMessage(encodeSyncUpdate(docUpdate('x')), limited);
    expect(small).toMatchObject({ kind: 'sync-update' });
    expect(small.kind === 'sync-update' && small.decoded !== null).toBe(true);
  });
});

describe('validateUpdate', () => {
  it('accepts a real update and reports it non-empty', () => {
    expect(validateUpdate(docUpdate('x'))).toMatchObject({ empty: false });
  });

  it('decodes a RelayState request (the type alone) and refuses one with trailing bytes', () => {
    // varUint(100) is the single byte 100.
    expect(decodeClientMessage(Uint8Array.from([100]), limits)).toEqual({ kind: 'relay-state' });
    expect(() => decodeClientMessage(Uint8Array.from([100, 0]), limits)).toThrow(ProtocolError);
  });

  it('decodes a SpacesChanged subscription (the type alone) and refuses one with trailing bytes', () => {
    expect(decodeClientMessage(Uint8Array.from([101]), limits)).toEqual({
      kind: 'spaces-subscribe',
    });
    expect(() => decodeClientMessage(Uint8Array.from([101, 0]), limits)).toThrow(ProtocolError);
  });
});
