import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeRelayState,
  encodeSyncStep1,
  encodeSyncUpdate,
} from './encode.ts';

describe('encoders', () => {
  it('produce Buffers that y-protocols reads back', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'hi');
    const frame = encodeSyncUpdate(Y.encodeStateAsUpdate(source));
    expect(Buffer.isBuffer(frame)).toBe(true);
    const target = new Y.Doc();
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(0);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), target, null);
    expect(target.getText('t').toJSON()).toBe('hi');
  });

  it('frame a step 1, awareness and permission-denied with their message types', () => {
    expect(encodeSyncStep1(Uint8Array.from([0]))[0]).toBe(0);
    expect([...encodeAwareness(Uint8Array.from([0]))]).toEqual([1, 1, 0]);
    const denied = decoding.createDecoder(encodePermissionDenied('read-only'));
    expect(decoding.readVarUint(denied)).toBe(2);
    expect(decoding.readVarUint(denied)).toBe(0);
    expect(decoding.readVarString(denied)).toBe('read-only');
  });

  it('frame a RelayState answer: the type, then the state vector as a byte array', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    const decoder = decoding.createDecoder(encodeRelayState(Y.encodeStateVector(doc)));
    expect(decoding.readVarUint(decoder)).toBe(100);
    expect(Y.decodeStateVector(decoding.readVarUint8Array(decoder))).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(doc)),
    );
    expect(decoding.hasContent(decoder)).toBe(false);
  });
});
