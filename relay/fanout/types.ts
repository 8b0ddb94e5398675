/**
 * Fan-out contract: delivers an encoded frame to every peer of a room. The
 * in-process implementation serves one relay node; the Redis one (redis.ts)
 * also publishes to other nodes and hands their frames back through
 * `onRemote`, so that each node applies them to its copy of the document.
 */
import type { MaybePromise } from '../storage/types.ts';

/** Something that can receive frames: one client connection. */
export interface FanoutPeer {
  /** Sends one frame. Must not throw; a broken peer closes itself. */
  send(frame: Buffer): void;
}

/**
 * The `userId` of a change that concerns everyone with a socket in the space
 * (it was made private, or trashed): each re-runs the access stage. No
 * principal has an empty id.
 */
export const EVERYONE_IN_SPACE = '';

/**
 * A space membership changed: `role` is the new role, or
 * null when the person was removed. Open connections adjust within a second.
 */
export interface MembershipChange {
  readonly spaceId: string;
  readonly userId: string;
  readonly role: 'owner' | 'editor' | 'viewer' | null;
}

export type MembershipHandler = (change: MembershipChange) => void;

/**
 * A rule other than a role changed for `userId`, or for everyone when null
 * (an acceptable-use policy was accepted or published): each node re-runs the
 * access stage of the open connections concerned.
 */
export type RecheckHandler = (userId: string | null) => void;

/**
 * Something for one person's open connections, on whichever node they are
 * (a notification). Best effort across nodes: what it announces is stored,
 * and a client reads it back after a reconnect.
 */
export interface PersonalMessage {
  readonly userId: string;
  /** JSON text, opaque to the fan-out. */
  readonly payload: string;
}

export type PersonalHandler = (message: PersonalMessage) => void;

/**
 * Frames published by another relay node for `room`. The fan-out has already
 * relayed them to this node's peers; the handler updates the room's state.
 */
export type RemoteFrameHandler = (room: string, frame: Buffer) => void;

/** `room` may have missed frames from other nodes: reload it from storage. */
export type ResyncHandler = (room: string) => void;

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
  /** Registers the handler told when a room must be reloaded from storage (never in-process). */
  onResync(handler: ResyncHandler): void;
  /**
   * Announces a membership change to every node, this one included, so that
   * each closes or downgrades its own open connections (a Redis fan-out
   * carries it on a control channel).
   */
  publishMembership(change: MembershipChange): void;
  /** Registers a handler for membership changes from any node. */
  onMembership(handler: MembershipHandler): void;
  /**
   * Announces to every node, this one included, that `userId`'s connections
   * (everyone's when null) must pass the access stage again.
   */
  publishRecheck(userId: string | null): void;
  /** Registers a handler for rechecks from any node. */
  onRecheck(handler: RecheckHandler): void;
  /** Delivers `message` to its person's connections on every node, this one included. */
  publishPersonal(message: PersonalMessage): void;
  /** Registers a handler for personal messages from any node. */
  onPersonal(handler: PersonalHandler): void;
  /** Whether the link to other nodes is up (readiness); absent when there are none. */
  readonly connected?: boolean;
  close(): MaybePromise<void>;
}
