import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/wire.ts';
import { decodeStateVector } from './pending.ts';

/**
 * The client side of `MessageType.RelayState` (shared/wire.ts): we send
 * `[100]`, the relay answers `[100, varUint8Array(state vector)]` with the
 * state vector of what it has durably stored. A relay that does not know the
 * message never answers; the caller then keeps the count unknown.
 */
export function requestRelayState(provider: WebsocketProvider): boolean {
  const ws = provider.ws;
  if (!provider.wsconnected || ws?.readyState !== 1) return false;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.RelayState);
  ws.send(encoding.toUint8Array(encoder));
  return true;
}

/** Installs the handler for the relay's answer; a malformed answer is ignored. */
export function onRelayState(
  provider: WebsocketProvider,
  listener: (stateVector: Map<number, number>) => void,
): void {
  provider.messageHandlers[MessageType.RelayState] = (_encoder, decoder: decoding.Decoder) => {
    let bytes: Uint8Array;
    try {
      bytes = decoding.readVarUint8Array(decoder);
    } catch {
      return;
    }
    const sv = decodeStateVector(bytes);
    if (sv !== null) listener(sv);
  };
}

/** Encodes the relay's answer (for tests and stand-in relays). */
export function encodeRelayState(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.RelayState);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}
