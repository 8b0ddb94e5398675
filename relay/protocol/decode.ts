/**
 * Defensive decoding of client frames: nothing a client sends is trusted. A frame is fully
 * decoded and validated before anything touches a document, an awareness
 * instance or storage: a malformed or truncated frame becomes a
 * `ProtocolError` (close code 4400 for that socket only) instead of a
 * half-applied update. y-protocols' own readers apply while they parse, so
 * they are not used on untrusted input here.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType } from '../../shared/wire.ts';

/** y-protocols/sync sub-types (`messageYjsSyncStep1` …). */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** A client frame that decoded cleanly. Payloads are views into the frame. */
export type ClientMessage =
  | { readonly kind: 'sync-step1'; readonly stateVector: Uint8Array }
  /** A step 2 or an update; `empty` when it carries no structs and no deletions. */
  | {
      readonly kind: 'sync-step2' | 'sync-update';
      readonly update: Uint8Array;
      readonly empty: boolean;
      /**
       * The update's structs and delete set, or null when it is over the
       * guard's threshold: such an update is decoded first by the update
       * guard's worker (relay/rules/update-guard.ts), never here.
       */
      readonly decoded: DecodedUpdate | null;
    }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'query-awareness' }
  /** Commonplace's RelayState request (shared/wire.ts): the type alone, nothing after it. */
  | { readonly kind: 'relay-state' }
  /** Commonplace's SpacesChanged subscription (shared/wire.ts): the type alone. */
  | { readonly kind: 'spaces-subscribe' }
  /** Commonplace's Notification subscription (shared/wire.ts): the type alone. */
  | { readonly kind: 'notifications-subscribe' }
  /** y-protocols/auth frames are relay→client only; one from a client is ignored. */
  | { readonly kind: 'auth' };

/** A frame that is not a well-formed y-websocket message. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** Options that bound what a single frame may carry. */
export interface DecodeLimits {
  readonly maxAwarenessBytes: number;
  /** Updates larger than this are left undecoded here (see `decoded`); all are decoded when absent. */
  readonly updateGuardThresholdBytes?: number;
}

/** A decoded Yjs (v1) update. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** An awareness update larger than `maxAwarenessBytes`. */
export class AwarenessTooLargeError extends ProtocolError {}

function fail(reason: string): never {
  throw new ProtocolError(reason);
}

/** Runs a lib0/Yjs reader and turns its exceptions into a `ProtocolError`. */
function guard<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    return fail(`${what}: ${err instanceof Error ? err.message : 'undecodable'}`);
  }
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) fail(`${what}: trailing bytes`);
}

/**
 * Validates a Yjs (v1) update by decoding every struct and the delete set.
 * Returns whether it is empty (a no-op that need not be stored or relayed).
 * @throws ProtocolError when the update does not decode.
 */
export function validateUpdate(update: Uint8Array): { empty: boolean; decoded: DecodedUpdate } {
  const decoded = guard('update', () => Y.decodeUpdate(update));
  return { empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0, decoded };
}

/**
 * Validates an encoded state vector: a count, then that many (client, clock)
 * pairs, and nothing after them.
 * @throws ProtocolError when it does not decode.
 */
export function validateStateVector(stateVector: Uint8Array): void {
  guard('state vector', () => {
    const decoder = decoding.createDecoder(stateVector);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
    }
    expectEnd(decoder, 'state vector');
  });
}

/**
 * Validates an awareness update (y-protocols/awareness encoding): a count,
 * then (clientID, clock, JSON state) entries, and nothing after them.
 * @throws ProtocolError when it does not decode or a state is not JSON.
 */
export function validateAwarenessUpdate(update: Uint8Array): void {
  guard('awareness', () => {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      JSON.parse(decoding.readVarString(decoder));
    }
    expectEnd(decoder, 'awareness');
  });
}

/**
 * Decodes one client frame of the y-websocket protocol and validates its
 * payload completely. Unknown message types and trailing bytes are errors: a
 * stock client sends exactly one message per frame.
 * @throws ProtocolError (or its subclass `AwarenessTooLargeError`).
 */
export function decodeClientMessage(frame: Uint8Array, limits: DecodeLimits): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = guard('message type', () => decoding.readVarUint(decoder));
  switch (type) {
    case MessageType.Sync: {
      const syncType = guard('sync type', () => decoding.readVarUint(decoder));
      const payload = guard('sync payload', () => decoding.readVarUint8Array(decoder));
      expectEnd(decoder, 'sync');
      if (syncType === SyncType.Step1) {
        validateStateVector(payload);
        return { kind: 'sync-step1', stateVector: payload };
      }
      if (syncType === SyncType.Step2 || syncType === SyncType.Update) {
        const kind = syncType === SyncType.Step2 ? 'sync-step2' : 'sync-update';
        const threshold = limits.updateGuardThresholdBytes ?? Number.POSITIVE_INFINITY;
        if (payload.byteLength > threshold) {
          return { kind, update: payload, empty: false, decoded: null };
        }
        const { empty, decoded } = validateUpdate(payload);
        return { kind, update: payload, empty, decoded };
      }
      return fail(`unknown sync type ${syncType}`);
    }
    case MessageType.Awareness: {
      const update = guard('awareness payload', () => decoding.readVarUint8Array(decoder));
      expectEnd(decoder, 'awareness');
      if (update.byteLength > limits.maxAwarenessBytes) {
        throw new AwarenessTooLargeError(`awareness update of ${update.byteLength} bytes`);
      }
      validateAwarenessUpdate(update);
      return { kind: 'awareness', update };
    }
    case MessageType.QueryAwareness:
      expectEnd(decoder, 'query awareness');
      return { kind: 'query-awareness' };
    case MessageType.RelayState:
      expectEnd(decoder, 'relay state');
      return { kind: 'relay-state' };
    case MessageType.SpacesChanged:
      expectEnd(decoder, 'spaces changed');
      return { kind: 'spaces-subscribe' };
    case MessageType.Notification:
      expectEnd(decoder, 'notification');
      return { kind: 'notifications-subscribe' };
    case MessageType.Auth:
      guard('auth', () => {
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
      });
      expectEnd(decoder, 'auth');
      return { kind: 'auth' };
    default:
      return fail(`unknown message type ${type}`);
  }
}
