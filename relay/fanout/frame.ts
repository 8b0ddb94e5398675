/**
 * Reads the two kinds of frame relay nodes exchange: a document update
 * (y-websocket sync message) or an awareness update. They were validated by
 * the node that accepted them; this only tells them apart.
 */
import * as decoding from 'lib0/decoding';

export type RelayedFrame =
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array };

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** The update a frame carries, or null for anything else (or a malformed frame). */
export function readRelayedFrame(frame: Uint8Array): RelayedFrame | null {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AWARENESS) {
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    }
    if (type !== MESSAGE_SYNC) return null;
    const sub = decoding.readVarUint(decoder);
    if (sub !== SYNC_UPDATE && sub !== SYNC_STEP2) return null;
    return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
  } catch {
    return null;
  }
}
