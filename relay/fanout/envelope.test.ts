import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, EnvelopeKind, newNodeId } from './envelope.ts';

describe('envelope between relay nodes', () => {
  it('round-trips kind, node, time and the frame bytes unchanged', () => {
    const node = newNodeId();
    const frame = Buffer.from([0, 2, 3, 1, 2, 3]);
    const decoded = decodeEnvelope(
      encodeEnvelope({ kind: EnvelopeKind.Frame, node, sentAt: 1_700_000_000_123, frame }),
    );
    expect(decoded).toEqual({ kind: EnvelopeKind.Frame, node, sentAt: 1_700_000_000_123, frame });
  });

  it('ignores what it does not understand: short, other formats, unknown kinds', () => {
    const good = encodeEnvelope({
      kind: EnvelopeKind.Resync,
      node: newNodeId(),
      sentAt: 1,
      frame: Buffer.alloc(0),
    });
    expect(decodeEnvelope(good)?.kind).toBe(EnvelopeKind.Resync);
    expect(decodeEnvelope(good.subarray(0, 10))).toBeNull();
    const newer = Buffer.from(good);
    newer[0] = 2;
    expect(decodeEnvelope(newer)).toBeNull();
    const unknownKind = Buffer.from(good);
    unknownKind[1] = 9;
    expect(decodeEnvelope(unknownKind)).toBeNull();
  });
});
