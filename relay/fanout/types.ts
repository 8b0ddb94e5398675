/**
 * Fan-out contract: delivers an encoded frame to every peer of a room. The
 * in-process implementation serves one relay node; a Redis implementation
 * (later) will also publish to other nodes and hand their frames back through
 * `onRemote`, so that each node applies them to its copy of the document.
 */
import type { MaybePromise } from '../storage/types.ts';

/** Something that can receive frames: one client connection. */
export interface FanoutPeer {
  /** Sends one frame. Must not throw; a broken peer closes itself. */
  send(frame: Buffer): void;
}

/** Frames published by another relay node for `room`. */
export type RemoteFrameHandler = (room: string, frame: Buffer) => void;

export interface Fanout {
  /** Adds `peer` to `room`'s recipients. */
  join(room: string, peer: FanoutPeer): void;
  /** Removes `peer` from `room`'s recipients. */
  leave(room: string, peer: FanoutPeer): void;
  /**
   * Sends `frame` to every peer of `room` except `except` (the sender), the
   * same buffer to each, synchronously for local peers.
   */
  publish(room: string, frame: Buffer, except: FanoutPeer | null): void;
  /** Local recipients of `room`. */
  peerCount(room: string): number;
  /** Registers the handler for frames from other nodes (never called in-process). */
  onRemote(handler: RemoteFrameHandler): void;
  close(): MaybePromise<void>;
}
