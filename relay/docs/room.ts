/**
 * One document in memory: its Y.Doc, its awareness, and the write path
 * judge → persist → broadcast → apply. An update is validated before it
 * arrives here (protocol/decode.ts), judged by the relay's rules (authorship,
 * caps; relay/rules), appended to storage,
 * and only once storage has accepted it is it sent to the other peers and
 * applied to the document. A storage failure drops the update and closes its
 * sender with 1011; the client still holds the edit and resends it on reconnect.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/wire.ts';
import type { RelayLimits } from '../../shared/limits.ts';
import { readRelayedFrame } from '../fanout/frame.ts';
import type { Fanout, FanoutPeer } from '../fanout/types.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import {
  encodeAwareness,
  encodeRelayState,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../protocol/encode.ts';
import type { DecodedUpdate } from '../protocol/decode.ts';
import type { RuledRoom, UpdateRules, Verdict } from '../rules/update-rules.ts';
import type { AppendMeta, DocStorage, MaybePromise } from '../storage/types.ts';
import { buildDoc } from './build-doc.ts';
import { SerialQueue } from './serial-queue.ts';
import { predictStateVector, sameStateVector } from './state-vector.ts';

/** A connection as the room sees it. */
export interface RoomPeer extends FanoutPeer {
  /** Closes this peer with `code` (e.g. 1011 when its update could not be stored). */
  fail(code: number, reason: string): void;
  /** The writer's `sub`, recorded in the room's change marker; absent or empty when unknown. */
  readonly userId?: string;
  /** Tells this peer why its update was refused (neither stored nor relayed); it stays connected. */
  refuse?(reason: string): void;
}

export interface RoomDeps {
  readonly storage: DocStorage;
  readonly fanout: Fanout;
  readonly limits: RelayLimits;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Authorship and caps, judged on each update before it is stored; every update is taken when absent. */
  readonly rules?: UpdateRules;
}

/**
 * Origin of changes that came from another relay node: the fan-out relayed
 * them to this node's peers already, so they are never published again.
 */
const REMOTE = Symbol('another relay node');

/** Awareness client ids announced over each peer, removed when it leaves (as y-websocket does). */
type ControlledIds = Set<number>;

export class Room implements RuledRoom {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly #deps: RoomDeps;
  readonly #peers = new Map<RoomPeer, ControlledIds>();
  readonly #queue = new SerialQueue();
  /** Sequence number of the newest stored update that is applied to `doc`. */
  #lastSeq: number;
  /** Rows in storage for this room (compaction folds them into one). */
  #storedRows: number;
  /** False once an update failed to apply: compacting from `doc` would then drop stored data. */
  #compactable = true;
  #compactionScheduled = false;
  /** A reload from storage is queued because an update could not integrate. */
  #catchingUp = false;
  #closed = false;
  /** Upper bound of the document's encoded size: stored rows since the last measure. */
  #sizeEstimate: number;

  /** Bumped by the awareness listener: tells `applyAwareness` whether anything changed. */
  #awarenessChanges = 0;

  private constructor(
    name: string,
    deps: RoomDeps,
    doc: Y.Doc,
    lastSeq: number,
    storedRows: number,
    storedBytes: number,
  ) {
    this.name = name;
    this.#sizeEstimate = storedBytes;
    this.#deps = deps;
    this.#lastSeq = lastSeq;
    this.#storedRows = storedRows;
    this.doc = doc;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The relay itself has no presence; it only relays others'.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onAwarenessUpdate);
  }

  /** Loads `name` from storage into a new room. */
  static async load(name: string, deps: RoomDeps): Promise<Room> {
    const stored = await deps.storage.loadDoc(name);
    const { doc, compactable } = buildDoc(name, stored.updates, deps.log);
    const bytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
    const room = new Room(name, deps, doc, stored.lastSeq, stored.updates.length, bytes);
    room.#compactable = compactable;
    deps.log.debug('room loaded', { room: name, rows: stored.updates.length });
    return room;
  }

  get sizeEstimate(): number {
    return this.#sizeEstimate;
  }

  /** Measures the document's encoded size and keeps it as the new estimate. */
  measureSize(): number {
    this.#sizeEstimate = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.#sizeEstimate;
  }

  get peerCount(): number {
    return this.#peers.size;
  }

  /** Adds a peer: it joins the fan-out and gets the relay's sync step 1 and the present awareness. */
  add(peer: RoomPeer): void {
    this.#peers.set(peer, new Set());
    this.#deps.fanout.join(this.name, peer);
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.sendAwarenessTo(peer);
  }

  /** Removes a peer and the awareness states it announced (the others are told). */
  remove(peer: RoomPeer): void {
    const ids = this.#peers.get(peer);
    if (ids === undefined) return;
    this.#peers.delete(peer);
    this.#deps.fanout.leave(this.name, peer);
    if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /**
   * Whether applying `update` would change the document: structs it lacks or
   * deletions it has not seen. A read-only client's sync step 2 that only
   * repeats what the document holds is no write (it must not be refused as one).
   */
  wouldChange(update: Uint8Array): boolean {
    return !Y.snapshotContainsUpdate(Y.snapshot(this.doc), update);
  }

  /** Sends `peer` the relay's sync step 1: the client answers with what the relay lacks. */
  requestMissing(peer: RoomPeer): void {
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  /**
   * Sends `peer` the state vector of what is stored for this room
   * (`MessageType.RelayState`, for a truthful "not yet synced" count), once every update queued
   * before it (this peer's earlier frames included) is stored and applied:
   * persist before apply makes the document exactly the stored state.
   */
  sendRelayState(peer: RoomPeer): void {
    this.#queue.run(() => {
      if (this.#closed) return;
      peer.send(encodeRelayState(Y.encodeStateVector(this.doc)));
    });
  }

  /** Answers a client's sync step 1 with everything it lacks. */
  syncStep2For(stateVector: Uint8Array): Buffer {
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /**
   * Judges a validated, non-empty update from `peer` (deps.rules), then stores
   * it, relays it and applies it. `frame` is the client's own `sync update`
   * frame when it can be relayed unchanged (saves an encode); a step 2 is
   * re-encoded as an update, since relaying it as a step 2 would mark peers
   * as synced. `decoded` is the update decoded (null: too large to decode
   * before the guard has tried it). With `onlyIfNew`, an update that changes
   * nothing is dropped once judged (a step 2 repeating what is stored).
   */
  commitUpdate(
    peer: RoomPeer,
    update: Uint8Array,
    frame: Buffer | null,
    decoded: DecodedUpdate | null = null,
    onlyIfNew = false,
  ): void {
    const arrived = performance.now();
    this.#queue.run(() => {
      if (this.#closed) return;
      const rules = this.#deps.rules;
      if (rules === undefined) return this.#store(peer, update, frame, arrived);
      let verdict;
      try {
        verdict = rules.judge(this, peer.userId ?? '', update, decoded);
      } catch (err) {
        this.#judgeFailed(peer, err);
        return;
      }
      if (!(verdict instanceof Promise)) {
        return this.#settle(peer, update, frame, verdict, onlyIfNew, arrived);
      }
      return verdict.then(
        (v) => this.#settle(peer, update, frame, v, onlyIfNew, arrived),
        (err: unknown) => {
          this.#judgeFailed(peer, err);
        },
      );
    });
  }

  #settle(
    peer: RoomPeer,
    update: Uint8Array,
    frame: Buffer | null,
    verdict: Verdict,
    onlyIfNew: boolean,
    arrived: number,
  ): MaybePromise<void> {
    if (this.#closed) return;
    if (verdict.kind === 'refuse') {
      this.#deps.metrics.writesRefused += 1;
      this.#deps.log.info('update refused', { room: this.name, reason: verdict.reason });
      peer.refuse?.(verdict.reason);
      return;
    }
    if (verdict.kind === 'close') {
      this.#deps.metrics.writesRefused += 1;
      peer.fail(verdict.code, verdict.reason);
      return;
    }
    if (onlyIfNew && !this.wouldChange(update)) return;
    return this.#store(peer, update, frame, arrived);
  }

  #judgeFailed(peer: RoomPeer, err: unknown): void {
    this.#deps.log.error('update rules failed', { room: this.name, error: errorMessage(err) });
    peer.fail(CloseCode.InternalError, 'relay error');
  }

  #store(
    peer: RoomPeer,
    update: Uint8Array,
    frame: Buffer | null,
    arrived: number,
  ): MaybePromise<void> {
    const { storage, metrics } = this.#deps;
    // The change marker goes into the same transaction as the update, so the
    // index's "who changed what last" can never disagree with what is stored.
    const meta: AppendMeta = {
      stateVector: predictStateVector(this.doc, update),
      by: peer.userId === undefined || peer.userId === '' ? null : peer.userId,
      at: Date.now(),
    };
    const persisted = (seq: number): MaybePromise<void> => {
      metrics.updatesPersisted += 1;
      this.#sizeEstimate += update.byteLength;
      this.#deps.fanout.publish(this.name, frame ?? encodeSyncUpdate(update), peer);
      metrics.timings.fanoutSeconds.observe((performance.now() - arrived) / 1000);
      this.#apply(update, seq);
      const actual = Y.encodeStateVector(this.doc);
      if (!sameStateVector(actual, meta.stateVector)) return this.#correctMarker(actual);
    };
    const failed = (err: unknown): void => {
      metrics.storageErrors += 1;
      this.#deps.log.error('storage append failed', {
        room: this.name,
        error: errorMessage(err),
      });
      peer.fail(CloseCode.InternalError, 'storage failure');
    };
    let seq;
    try {
      seq = storage.appendUpdate(this.name, update, meta);
    } catch (err) {
      failed(err);
      return;
    }
    if (typeof seq === 'number') return persisted(seq);
    return seq.then(persisted, failed);
  }

  /**
   * Applies a validated awareness update from `peer` and relays it to every
   * peer, the sender included: stock clients reconnect after 30 s without any
   * message, and the echo of their own 15 s awareness renewal is what keeps a
   * lone client's connection alive (y-websocket does the same).
   */
  applyAwareness(peer: RoomPeer, update: Uint8Array, frame: Buffer): void {
    const before = this.#awarenessChanges;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    if (this.#awarenessChanges !== before) this.#deps.fanout.publish(this.name, frame, null);
  }

  /**
   * Applies a frame (stored update or awareness change) that another relay
   * node published. Its peers here have it already, from the fan-out.
   */
  applyRemote(frame: Uint8Array): void {
    if (this.#closed) return;
    const relayed = readRelayedFrame(frame);
    if (relayed === null) return;
    try {
      if (relayed.kind === 'update') {
        const complete = !this.#lacksDependencies();
        Y.applyUpdate(this.doc, relayed.update, REMOTE);
        if (complete) this.#catchUpIfIncomplete();
      } else awarenessProtocol.applyAwarenessUpdate(this.awareness, relayed.update, REMOTE);
    } catch (err) {
      this.#deps.log.warn('frame from another node failed to apply', {
        room: this.name,
        error: errorMessage(err),
      });
    }
  }

  /**
   * Reloads the room's stored updates and applies what this copy lacks
   * (updates other nodes stored while their frames could not reach this one),
   * relaying exactly those changes to this node's peers.
   */
  resync(): Promise<void> {
    this.#queue.run(async () => {
      if (this.#closed) return;
      let stored;
      try {
        stored = await this.#deps.storage.loadDoc(this.name);
      } catch (err) {
        // Storage is down too: the next resync (or reload) catches up.
        this.#deps.log.warn('resync failed', { room: this.name, error: errorMessage(err) });
        return;
      }
      const missed: Uint8Array[] = [];
      const collect = (update: Uint8Array): void => {
        missed.push(update);
      };
      this.doc.on('update', collect);
      try {
        for (const update of stored.updates) Y.applyUpdate(this.doc, update, REMOTE);
      } catch (err) {
        this.#deps.log.warn('resync failed to apply', {
          room: this.name,
          error: errorMessage(err),
        });
      } finally {
        this.doc.off('update', collect);
      }
      this.#lastSeq = Math.max(this.#lastSeq, stored.lastSeq);
      this.#storedRows = stored.updates.length;
      if (missed.length === 0) return;
      const frame = encodeSyncUpdate(Y.mergeUpdates(missed));
      for (const peer of this.#peers.keys()) peer.send(frame);
    });
    return this.#queue.idle();
  }

  /** Sends every present awareness state to `peer` (on join and on query). */
  sendAwarenessTo(peer: RoomPeer): void {
    const states = this.awareness.getStates();
    if (states.size === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]);
    peer.send(encodeAwareness(update));
  }

  /** Resolves once every accepted update is stored and applied. */
  flush(): Promise<void> {
    return this.#queue.idle();
  }

  /** Folds the stored rows into one, after every pending update. */
  compact(): Promise<void> {
    this.#queue.run(() => this.#compactNow());
    return this.#queue.idle();
  }

  /** Flushes, compacts and frees the room. Peers must have been removed. */
  async close(): Promise<void> {
    await this.compact();
    this.#closed = true;
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  readonly #onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    this.#awarenessChanges += 1;
    if (origin === REMOTE) return;
    const ids = this.#peers.get(origin as RoomPeer);
    if (ids !== undefined) {
      for (const id of change.added) ids.add(id);
      for (const id of change.removed) ids.delete(id);
      return; // applyAwareness relays the client's own frame.
    }
    // Removals on disconnect (origin null) or after 30 s of silence ('timeout'): tell everyone left.
    const changed = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.#deps.fanout.publish(this.name, encodeAwareness(update), null);
  };

  #apply(update: Uint8Array, seq: number): void {
    const complete = !this.#lacksDependencies();
    try {
      Y.applyUpdate(this.doc, update);
      if (complete) this.#catchUpIfIncomplete();
    } catch (err) {
      // Decoded cleanly yet failed to integrate: keep the stored row, never compact it away.
      this.#compactable = false;
      this.#deps.log.error('stored update failed to apply', {
        room: this.name,
        seq,
        error: errorMessage(err),
      });
    }
    this.#lastSeq = seq;
    this.#storedRows += 1;
    if (this.#storedRows >= this.#deps.limits.compactAfterUpdates) this.#scheduleCompaction();
  }

  /** Whether Yjs holds structs or deletions back, waiting for updates this copy never got. */
  #lacksDependencies(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /**
   * An update that cannot integrate means this copy missed one it depends
   * on. That update is stored (persist before broadcast), but its frame never
   * arrived: typically a node died between storing it and publishing it, and
   * its author then reconnected to a node that loaded it from storage, so
   * nobody sends it here again. Every later update of that author would stay
   * held back here and at this node's peers; reloading from storage brings
   * the missing one and relays what was held back. Called only when the
   * document goes from complete to incomplete, so a client that sends
   * updates with dependencies nobody has cannot make every update a reload.
   */
  #catchUpIfIncomplete(): void {
    if (!this.#lacksDependencies() || this.#catchingUp) return;
    this.#catchingUp = true;
    this.#deps.log.info('room missed an update; reloading from storage', { room: this.name });
    // After the current task: resync runs in the same queue.
    queueMicrotask(() => {
      void this.resync().finally(() => {
        this.#catchingUp = false;
      });
    });
  }

  /** Rewrites the marker's state vector when the prediction missed (held-back structs). */
  #correctMarker(stateVector: Uint8Array): MaybePromise<void> {
    const failed = (err: unknown): void => {
      this.#deps.log.warn('change marker correction failed', {
        room: this.name,
        error: errorMessage(err),
      });
    };
    try {
      const result = this.#deps.storage.setStateVector(this.name, stateVector);
      if (result instanceof Promise) return result.catch(failed);
    } catch (err) {
      failed(err);
    }
  }

  #scheduleCompaction(): void {
    if (this.#compactionScheduled || !this.#compactable) return;
    this.#compactionScheduled = true;
    // After the current broadcast, never inside it.
    setImmediate(() => {
      this.#compactionScheduled = false;
      if (!this.#closed) this.#queue.run(() => this.#compactNow());
    });
  }

  #compactNow(): Promise<void> | void {
    if (this.#closed || !this.#compactable || this.#storedRows <= 1) return;
    // Every stored row up to #lastSeq is applied to `doc` (the queue runs one
    // task at a time), so the doc's state is exactly those rows merged.
    const throughSeq = this.#lastSeq;
    const merged = Y.encodeStateAsUpdate(this.doc);
    const done = (): void => {
      // The queue runs nothing else meanwhile: the merged row is now the only one.
      this.#storedRows = 1;
      this.#sizeEstimate = merged.byteLength;
      this.#deps.metrics.compactions += 1;
    };
    const failed = (err: unknown): void => {
      this.#deps.log.error('compaction failed', { room: this.name, error: errorMessage(err) });
    };
    try {
      const result = this.#deps.storage.compact(this.name, throughSeq, merged);
      if (result instanceof Promise) return result.then(done, failed);
      done();
    } catch (err) {
      failed(err);
    }
  }
}
