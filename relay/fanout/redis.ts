/**
 * Fan-out across relay nodes over Redis pub/sub. Each node keeps its own
 * peers in an `InProcessFanout` and, for every frame it publishes (a stored
 * update or an awareness change), also publishes it on the room's Redis
 * channel; the other nodes that have the room open relay it to their own
 * peers and apply it to their copy of the document. Role changes go on one
 * control channel that every node hears.
 *
 * Storage is the truth and Redis only transport. An update is stored before
 * the node that received it publishes it (Room persists, then publishes), so
 * a frame lost on Redis is never lost data: when Redis returns after an
 * outage, and whenever a node starts listening to a room, the room is
 * reloaded from storage (`onResync`) by that node and by the others that
 * hold it, and a node that failed to publish asks the others to do the same. During an outage each node serves its own
 * clients only.
 *
 * How this compares: y-redis (https://github.com/yjs/y-redis) keeps every
 * update in a Redis stream per room, read by the servers and persisted to
 * S3/PostgreSQL later by a separate worker, so Redis holds the newest state
 * and must be durable. Hocuspocus's Redis extension
 * (https://tiptap.dev/docs/hocuspocus/server/extensions/redis) publishes
 * y-websocket messages on pub/sub, as here, and after subscribing asks the
 * other instances for missing state with a sync step 1 over Redis. We differ
 * from both on purpose: every update is already in PostgreSQL before anyone
 * sees it (the relay's persist-before-broadcast rule), so Redis can stay
 * plain at-most-once pub/sub with no persistence to run, and recovery reads
 * storage instead of depending on another node being up to answer.
 */
import { Redis } from 'ioredis';
import { errorMessage, type Logger } from '../log.ts';
import { decodeControl, encodeControl, type ControlMessage } from './control.ts';
import { decodeEnvelope, encodeEnvelope, EnvelopeKind, newNodeId } from './envelope.ts';
import { InProcessFanout } from './in-process.ts';
import type {
  Fanout,
  FanoutPeer,
  MembershipChange,
  MembershipHandler,
  RecheckHandler,
  PersonalHandler,
  PersonalMessage,
  RemoteFrameHandler,
  ResyncHandler,
} from './types.ts';

export interface RedisFanoutOptions {
  /** `redis://host:port` (credentials and database index may be in it). */
  readonly url: string;
  /** Channel prefix, so several deployments can share one Redis. */
  readonly prefix?: string;
  readonly log: Logger;
  /** Seconds from publishing a message to receiving it back from Redis (lag histogram). */
  readonly onLag?: (seconds: number) => void;
}

export class RedisFanout implements Fanout {
  /** Random per process: a node ignores its own messages (it delivered them locally). */
  readonly nodeId = newNodeId();
  readonly #local = new InProcessFanout();
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #prefix: string;
  readonly #log: Logger;
  readonly #onLag: (seconds: number) => void;
  readonly #remoteHandlers = new Set<RemoteFrameHandler>();
  readonly #resyncHandlers = new Set<ResyncHandler>();
  /** Rooms whose channel this node listens to (those with a local peer). */
  readonly #rooms = new Set<string>();
  /** Rooms whose frames failed to reach Redis: the others must resync them when it returns. */
  readonly #unsent = new Set<string>();
  /** Role changes and rechecks that failed to reach Redis, sent when it returns. */
  readonly #pendingControl: ControlMessage[] = [];
  /** Whether the subscriber lost its connection since it last was ready. */
  #lostSubscriber = false;
  #closed = false;

  private constructor(options: RedisFanoutOptions) {
    this.#prefix = options.prefix ?? 'commonplace:';
    this.#log = options.log;
    this.#onLag = options.onLag ?? (() => undefined);
    // No offline queue on the publisher: during an outage a publish fails at
    // once (and is repaired by a resync) instead of piling up in memory.
    this.#pub = new Redis(options.url, { enableOfflineQueue: false, lazyConnect: true });
    this.#sub = new Redis(options.url, { lazyConnect: true });
    this.#pub.on('error', this.#onError);
    this.#sub.on('error', this.#onError);
    this.#sub.on('messageBuffer', this.#onMessage);
    this.#sub.on('close', () => {
      if (!this.#closed) this.#lostSubscriber = true;
    });
    this.#sub.on('ready', () => {
      void this.#onSubscriberReady();
    });
    this.#pub.on('ready', () => {
      this.#onPublisherReady();
    });
  }

  /** Connects both Redis connections; rejects if Redis cannot be reached at start. */
  static async connect(options: RedisFanoutOptions): Promise<RedisFanout> {
    const fanout = new RedisFanout(options);
    try {
      await Promise.all([fanout.#pub.connect(), fanout.#sub.connect()]);
      await fanout.#sub.subscribe(fanout.#membershipChannel, fanout.#personalChannel);
    } catch (err) {
      fanout.#closed = true;
      fanout.#pub.disconnect();
      fanout.#sub.disconnect();
      throw err;
    }
    return fanout;
  }

  /** Whether both connections to Redis are up (readiness). */
  get connected(): boolean {
    return this.#pub.status === 'ready' && this.#sub.status === 'ready';
  }

  get #membershipChannel(): string {
    return `${this.#prefix}membership`;
  }

  get #personalChannel(): string {
    return `${this.#prefix}personal`;
  }

  #roomChannel(room: string): string {
    return `${this.#prefix}room:${room}`;
  }

  join(room: string, peer: FanoutPeer): void {
    this.#local.join(room, peer);
    if (this.#rooms.has(room)) return;
    this.#rooms.add(room);
    // The room was loaded from storage before this subscription existed:
    // once it does, reload to catch what other nodes stored in between.
    this.#sub.subscribe(this.#roomChannel(room)).then(
      () => {
        if (!this.#rooms.has(room)) return;
        this.#resync(room);
        // And the others reload too: this node may have loaded an update
        // from storage that they never got as a frame (the node that stored
        // it died before publishing it, and its author reconnected here),
        // which no later frame would bring them.
        this.#send(room, EnvelopeKind.Resync, Buffer.alloc(0));
      },
      (err: unknown) => {
        // Redis is down: the subscription is renewed, and the room resynced, when it returns.
        this.#log.warn('redis subscribe failed', { room, error: errorMessage(err) });
      },
    );
  }

  leave(room: string, peer: FanoutPeer): void {
    this.#local.leave(room, peer);
    if (this.#local.peerCount(room) > 0 || !this.#rooms.delete(room)) return;
    this.#sub.unsubscribe(this.#roomChannel(room)).catch(() => undefined);
  }

  publish(room: string, frame: Buffer, except: FanoutPeer | null): void {
    this.#local.publish(room, frame, except);
    this.#send(room, EnvelopeKind.Frame, frame);
  }

  peerCount(room: string): number {
    return this.#local.peerCount(room);
  }

  onRemote(handler: RemoteFrameHandler): void {
    this.#remoteHandlers.add(handler);
  }

  onResync(handler: ResyncHandler): void {
    this.#resyncHandlers.add(handler);
  }

  publishMembership(change: MembershipChange): void {
    // This node's sockets at once, as in-process; the others through Redis.
    this.#local.publishMembership(change);
    this.#sendControl({ kind: 'membership', change });
  }

  onMembership(handler: MembershipHandler): void {
    this.#local.onMembership(handler);
  }

  publishRecheck(userId: string | null): void {
    this.#local.publishRecheck(userId);
    this.#sendControl({ kind: 'recheck', userId });
  }

  onRecheck(handler: RecheckHandler): void {
    this.#local.onRecheck(handler);
  }

  publishPersonal(message: PersonalMessage): void {
    this.#local.publishPersonal(message);
    if (this.#closed) return;
    // Not queued during an outage: the notification is stored, clients re-read it on reconnect.
    this.#pub
      .publish(this.#personalChannel, JSON.stringify({ ...message, node: this.nodeId }))
      .catch(() => undefined);
  }

  onPersonal(handler: PersonalHandler): void {
    this.#local.onPersonal(handler);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#local.close();
    this.#remoteHandlers.clear();
    this.#resyncHandlers.clear();
    await Promise.all([
      this.#pub.quit().catch(() => undefined),
      this.#sub.quit().catch(() => undefined),
    ]);
  }

  #send(room: string, kind: EnvelopeKind, frame: Buffer): void {
    if (this.#closed) return;
    const envelope = encodeEnvelope({ kind, node: this.nodeId, sentAt: Date.now(), frame });
    this.#pub.publish(this.#roomChannel(room), envelope).catch(() => {
      // The update is stored; the other nodes will read it from storage once told to.
      this.#unsent.add(room);
    });
  }

  #sendControl(message: ControlMessage): void {
    if (this.#closed) return;
    const text = encodeControl(message, this.nodeId);
    this.#pub.publish(this.#membershipChannel, text).catch(() => {
      this.#pendingControl.push(message);
    });
  }

  #resync(room: string): void {
    for (const handler of this.#resyncHandlers) handler(room);
  }

  readonly #onMessage = (channel: Buffer, message: Buffer): void => {
    const name = channel.toString();
    if (name === this.#membershipChannel) {
      this.#onMembershipMessage(message.toString());
      return;
    }
    if (name === this.#personalChannel) {
      this.#onPersonalMessage(message.toString());
      return;
    }
    const roomPrefix = `${this.#prefix}room:`;
    if (!name.startsWith(roomPrefix)) return;
    const room = name.slice(roomPrefix.length);
    const envelope = decodeEnvelope(message);
    if (envelope === null) return;
    if (envelope.node === this.nodeId) {
      // Our own message back from Redis: already delivered locally; it measures the lag.
      this.#onLag(Math.max(0, Date.now() - envelope.sentAt) / 1000);
      return;
    }
    if (envelope.kind === EnvelopeKind.Resync) {
      this.#resync(room);
      return;
    }
    this.#local.publish(room, envelope.frame, null);
    for (const handler of this.#remoteHandlers) handler(room, envelope.frame);
  };

  #onMembershipMessage(text: string): void {
    // Our own messages come back as null: they were applied locally when published.
    const message = decodeControl(text, this.nodeId);
    if (message?.kind === 'membership') this.#local.publishMembership(message.change);
    else if (message?.kind === 'recheck') this.#local.publishRecheck(message.userId);
  }

  #onPersonalMessage(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const { userId, payload, node } = value as Record<string, unknown>;
    if (node === this.nodeId || typeof userId !== 'string' || typeof payload !== 'string') return;
    this.#local.publishPersonal({ userId, payload });
  }

  async #onSubscriberReady(): Promise<void> {
    if (!this.#lostSubscriber || this.#closed) return;
    this.#lostSubscriber = false;
    const rooms = [...this.#rooms];
    try {
      // ioredis re-subscribes by itself; this makes sure it is done before reloading.
      await this.#sub.subscribe(
        this.#membershipChannel,
        this.#personalChannel,
        ...rooms.map((r) => this.#roomChannel(r)),
      );
    } catch (err) {
      this.#log.warn('redis re-subscribe failed', { error: errorMessage(err) });
      this.#lostSubscriber = true;
      return;
    }
    this.#log.info('redis back: resyncing rooms from storage', { rooms: rooms.length });
    for (const room of rooms) this.#resync(room);
  }

  #onPublisherReady(): void {
    for (const room of [...this.#unsent]) {
      this.#unsent.delete(room);
      this.#send(room, EnvelopeKind.Resync, Buffer.alloc(0));
    }
    for (const message of this.#pendingControl.splice(0)) this.#sendControl(message);
  }

  readonly #onError = (err: Error): void => {
    // ioredis retries by itself; one line per failure is enough.
    this.#log.warn('redis error', { error: errorMessage(err) });
  };
}
