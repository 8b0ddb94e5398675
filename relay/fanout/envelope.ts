/**
 * What one relay node puts on Redis for the others: a fixed header (format
 * version, kind, sending node, send time) and the y-websocket frame itself,
 * unchanged, so a receiving node relays the very bytes its local peers expect.
 */
import { randomBytes } from 'node:crypto';

/** Kinds of room messages between nodes. */
export const EnvelopeKind = {
  /** A y-websocket frame (stored update or awareness) to relay and apply. */
  Frame: 0,
  /** "Reload this room from storage": frames for it may have been lost (Redis was down). */
  Resync: 1,
} as const;
export type EnvelopeKind = (typeof EnvelopeKind)[keyof typeof EnvelopeKind];

const FORMAT = 1;
/** Length of a node id in bytes. */
export const NODE_ID_BYTES = 16;
const HEADER_BYTES = 2 + NODE_ID_BYTES + 8;

export interface Envelope {
  readonly kind: EnvelopeKind;
  /** Hex id of the sending node. */
  readonly node: string;
  /** Epoch milliseconds at the sender when it was published. */
  readonly sentAt: number;
  readonly frame: Buffer;
}

/** A fresh random node id (hex). */
export function newNodeId(): string {
  return randomBytes(NODE_ID_BYTES).toString('hex');
}

export function encodeEnvelope(envelope: Envelope): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + envelope.frame.byteLength);
  out[0] = FORMAT;
  out[1] = envelope.kind;
  out.write(envelope.node, 2, NODE_ID_BYTES, 'hex');
  out.writeDoubleBE(envelope.sentAt, 2 + NODE_ID_BYTES);
  envelope.frame.copy(out, HEADER_BYTES);
  return out;
}

/** Decodes an envelope; null for anything this node does not understand (a newer format). */
export function decodeEnvelope(data: Buffer): Envelope | null {
  if (data.byteLength < HEADER_BYTES || data[0] !== FORMAT) return null;
  const kind = data[1];
  if (kind !== EnvelopeKind.Frame && kind !== EnvelopeKind.Resync) return null;
  return {
    kind,
    node: data.toString('hex', 2, 2 + NODE_ID_BYTES),
    sentAt: data.readDoubleBE(2 + NODE_ID_BYTES),
    frame: data.subarray(HEADER_BYTES),
  };
}
