/**
 * Encoders for the frames the relay sends. Each returns a Node `Buffer` so
 * that `ws` sends it without wrapping it again for every peer: a broadcast is
 * encoded once and the same buffer goes to each socket.
 */
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../shared/wire.ts';
import { SyncType } from './decode.ts';

function toBuffer(encoder: encoding.Encoder): Buffer {
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function syncFrame(syncType: number, payload: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return toBuffer(encoder);
}

/** Sync step 1: the relay's state vector, asking the client for what it lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Buffer {
  return syncFrame(SyncType.Step1, stateVector);
}

/** Sync step 2: what the client lacks, in answer to its step 1. */
export function encodeSyncStep2(update: Uint8Array): Buffer {
  return syncFrame(SyncType.Step2, update);
}

/** A document update relayed to peers. */
export function encodeSyncUpdate(update: Uint8Array): Buffer {
  return syncFrame(SyncType.Update, update);
}

/** An awareness update relayed to peers. */
export function encodeAwareness(update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return toBuffer(encoder);
}

/** y-protocols/auth "permission denied": tells a read-only client its edits are dropped. */
export function encodePermissionDenied(reason: string): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return toBuffer(encoder);
}

/** The answer to a client's RelayState request: the state vector of what the relay stored. */
export function encodeRelayState(stateVector: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.RelayState);
  encoding.writeVarUint8Array(encoder, stateVector);
  return toBuffer(encoder);
}

/** Tells a subscribed client that its person's space memberships changed. */
export function encodeSpacesChanged(): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SpacesChanged);
  return toBuffer(encoder);
}

/** A new notification for a subscribed client: the type, then the `NotificationPush` JSON. */
export function encodeNotification(payload: string): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Notification);
  encoding.writeVarString(encoder, payload);
  return toBuffer(encoder);
}
