/**
 * One client socket, from upgrade to close. It runs the connection pipeline
 * (limits → room → authenticate → authorize → load document), then decodes
 * each frame defensively and hands it to its room. A bad frame closes this
 * socket only (4400); the room and every other client carry on.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocket, type RawData } from 'ws';
import type { RelayLimits } from '../shared/limits.ts';
import { canWrite, READ_ONLY_REASON, type Role } from '../shared/api.ts';
import { CloseCode, formatRoomName, type RoomName } from '../shared/wire.ts';
import type { AccessHolder, LiveAccess } from './access/live-access.ts';
import type { SocketRefusal } from './audit/events.ts';
import { RegistryFullError, type DocRegistry } from './docs/registry.ts';
import type { Room, RoomPeer } from './docs/room.ts';
import { errorMessage, type Logger } from './log.ts';
import { countClose, type Metrics } from './metrics.ts';
import type { Access, Authenticator, Authorizer, Principal } from './pipeline/auth.ts';
import type { ConnectionLimiter } from './pipeline/connection-limits.ts';
import { roomFromPath, splitRequestUrl } from './pipeline/room-from-url.ts';
import type { ConnectionRequest, StageResult } from './pipeline/types.ts';
import { AwarenessTooLargeError, decodeClientMessage, ProtocolError } from './protocol/decode.ts';
import {
  encodeNotification,
  encodePermissionDenied,
  encodeSpacesChanged,
} from './protocol/encode.ts';

export interface ConnectionDeps {
  readonly limits: RelayLimits;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly limiter: ConnectionLimiter;
  readonly registry: DocRegistry;
  readonly authenticator: Authenticator;
  readonly authorizer: Authorizer;
  /** The access stage without per-socket counting, re-run when a rule besides roles changes. */
  readonly recheck?: Authorizer;
  /** Open connections by (space, person), for live role changes. */
  readonly liveAccess: LiveAccess;
  /** Called once when the connection is gone (refused, failed or closed). */
  readonly onGone: (connection: ClientConnection) => void;
  /** Told of every refusal of this socket or of its updates (the audit log keeps them). */
  readonly onRefused?: (refusal: SocketRefusal) => void;
}

type State = 'pending' | 'attached' | 'closed';

/** Frames that arrived before the pipeline finished (the socket is paused, but some may be parsed already). */
const MAX_EARLY_FRAMES = 64;

/** Distinct refusal reasons told to one connection (each is told once). */
const MAX_REFUSAL_REASONS = 16;

/** setTimeout's largest delay (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

export class ClientConnection implements RoomPeer, AccessHolder {
  readonly #socket: WebSocket;
  readonly #deps: ConnectionDeps;
  readonly #request: ConnectionRequest;
  readonly #path: string;
  #state: State = 'pending';
  #admitted = false;
  #room: Room | null = null;
  #access: Access = { canWrite: false };
  #early: Buffer[] | null = [];
  #toldReadOnly = false;
  readonly #toldRefused = new Set<string>();
  #principal: Principal | null = null;
  #spaceId = '';
  #roomId: RoomName | null = null;
  /** What the client asked to be told of: membership changes, notifications (shared/wire.ts). */
  readonly #wants = new Set<'spaces' | 'notifications'>();
  #indexed = false;
  #expiryTimer: NodeJS.Timeout | null = null;
  /** Heartbeat: cleared on each ping, set by the pong. */
  alive = true;

  constructor(socket: WebSocket, request: IncomingMessage, deps: ConnectionDeps) {
    this.#socket = socket;
    this.#deps = deps;
    const { path, query } = splitRequestUrl(request.url ?? '');
    this.#path = path;
    this.#request = {
      rawUrl: request.url ?? '',
      query,
      headers: request.headers,
      remoteAddress: request.socket.remoteAddress,
    };
    socket.pause();
    socket.on('message', this.#onMessage);
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself after a protocol error (e.g. 1009 for a frame over maxPayload).
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        countClose(deps.metrics, CloseCode.MessageTooLarge);
        this.#reportRefusal(CloseCode.MessageTooLarge, 'message too large');
      } else deps.metrics.protocolErrors += 1;
      deps.log.warn('socket error', {
        room: this.#roomName(),
        code: err.code ?? null,
        error: err.message,
      });
    });
    socket.on('close', () => {
      this.#teardown();
    });
  }

  /** Runs the pipeline; on success the client joins its room and gets sync step 1. */
  async start(): Promise<void> {
    const { limiter, authenticator, authorizer, registry } = this.#deps;
    try {
      const admitted = limiter.admit();
      if (!this.#passed(admitted)) return;
      this.#admitted = true;
      const room = roomFromPath(this.#path);
      if (!this.#passed(room)) return;
      const principal = await authenticator.authenticate(this.#request);
      if (!this.#passed(principal)) return;
      this.#principal = principal.value;
      this.#armExpiry(principal.value.expiresAtMs);
      const access = await authorizer.authorize(principal.value, room.value);
      if (!this.#passed(access)) return;
      this.#access = access.value;
      // Indexed before the document loads, so a role change meanwhile is not missed.
      this.#spaceId = room.value.spaceId;
      this.#roomId = room.value;
      this.#deps.liveAccess.add(this);
      this.#indexed = true;
      const loaded = await registry.acquire(formatRoomName(room.value));
      if (!this.#isPending()) {
        registry.release(loaded);
        return;
      }
      this.#room = loaded;
      this.#state = 'attached';
      loaded.add(this);
      this.#deps.log.debug('connection attached', { room: loaded.name });
    } catch (err) {
      // Closed meanwhile (client gone, relay shutting down): nothing to report.
      if (!this.#isPending()) return;
      if (err instanceof RegistryFullError) {
        this.close(CloseCode.Overloaded, 'too many documents open');
        return;
      }
      this.#deps.log.error('connection setup failed', { error: errorMessage(err) });
      this.close(CloseCode.InternalError, 'relay error');
      return;
    }
    const early = this.#early ?? [];
    this.#early = null;
    for (const frame of early) {
      if (!this.#isAttached()) return;
      this.#handle(frame);
    }
    this.#socket.resume();
  }

  get spaceId(): string {
    return this.#spaceId;
  }

  get userId(): string {
    return this.#principal?.id ?? '';
  }

  /** This person's memberships changed (any space): a subscribed client re-reads its spaces. */
  notifySpacesChanged(): void {
    if (this.#wants.has('spaces')) this.send(encodeSpacesChanged());
  }

  /** A new notification for this person (JSON `NotificationPush`), if the client subscribed. */
  notifyPersonal(payload: string): void {
    if (this.#wants.has('notifications')) this.send(encodeNotification(payload));
  }

  /**
   * A membership change for this person in this space, applied to the open
   * socket at once: removed → 4403; demoted → read-only at once, and told so; promoted → may
   * write again (and will be told again if demoted later).
   */
  applyRole(role: Role | null): void {
    if (this.#state === 'closed') return;
    if (role === null) {
      // An owner's decision, audited as the membership change, not as a refusal.
      this.#close(CloseCode.Forbidden, 'removed from this space');
      return;
    }
    const { blockedReason } = this.#access;
    this.#setAccess({
      canWrite: canWrite(role),
      ...(blockedReason === undefined ? {} : { blockedReason }),
    });
  }

  /** Runs the access stage again (e.g. the acceptable-use policy changed) and applies it. */
  reauthorize(): void {
    const principal = this.#principal;
    const room = this.#roomId;
    const recheck = this.#deps.recheck;
    if (this.#state === 'closed' || principal === null || room === null || !recheck) return;
    Promise.resolve(recheck.authorize(principal, room)).then(
      (verdict) => {
        if (this.#state === 'closed') return;
        if (verdict.ok) this.#setAccess(verdict.value);
        else this.close(verdict.code, verdict.reason);
      },
      (err: unknown) => {
        this.#deps.log.error('access re-check failed', { error: errorMessage(err) });
      },
    );
  }

  /**
   * Applies new access to the open socket at once: read-only now → told so
   * (not audited: an owner's or admin's decision, not a write attempt);
   * writable again → asks for what the relay lacks, as a reconnect would, so
   * that edits building on ones dropped while read-only can integrate.
   */
  #setAccess(access: Access): void {
    const before = this.#writable() ? null : this.#readOnlyReason();
    this.#access = access;
    const after = this.#writable() ? null : this.#readOnlyReason();
    if (before === after) return;
    this.#toldReadOnly = false;
    const room = this.#room;
    if (room === null || this.#state !== 'attached') return;
    if (after !== null) this.#refuseWrite(false);
    else room.requestMissing(this);
  }

  #writable(): boolean {
    return this.#access.canWrite && this.#access.blockedReason === undefined;
  }

  /** A viewer is told of their role first: accepting a policy would not let them write. */
  #readOnlyReason(): string {
    return this.#access.canWrite
      ? (this.#access.blockedReason ?? READ_ONLY_REASON)
      : READ_ONLY_REASON;
  }

  /** Sends one frame if the socket is open. */
  send(frame: Buffer): void {
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(frame);
  }

  /** Closes with `code`: leaves the room at once, then runs the close handshake. */
  close(code: number, reason: string): void {
    if (this.#state === 'closed') return;
    this.#reportRefusal(code, reason);
    this.#close(code, reason);
  }

  #close(code: number, reason: string): void {
    if (this.#state === 'closed') return;
    this.#teardown();
    countClose(this.#deps.metrics, code);
    if (code !== CloseCode.ServerShuttingDown && code !== CloseCode.Normal) {
      this.#deps.log.info('connection closed by relay', { room: this.#roomName(), code, reason });
    }
    // A socket still paused by the pipeline would never read the client's
    // close frame, and the handshake would hang until ws's 30 s timeout.
    this.#socket.resume();
    this.#socket.close(code, reason);
  }

  /**
   * Starts the close handshake for a relay shutdown but keeps handling the
   * frames the client sent before it saw our close frame, so an edit already
   * on the wire is still stored. The room is left when the socket closes.
   */
  closeForShutdown(): void {
    if (this.#state !== 'attached') {
      this.close(CloseCode.ServerShuttingDown, 'relay shutting down');
      return;
    }
    countClose(this.#deps.metrics, CloseCode.ServerShuttingDown);
    this.#socket.close(CloseCode.ServerShuttingDown, 'relay shutting down');
  }

  fail(code: number, reason: string): void {
    this.close(code, reason);
  }

  /**
   * Tells the client why the relay refused its update (the rules in
   * relay/rules), once per reason per connection: a client that keeps typing
   * into a full document is not sent the same message per keystroke.
   */
  refuse(reason: string): void {
    if (this.#toldRefused.has(reason) || this.#toldRefused.size >= MAX_REFUSAL_REASONS) return;
    this.#toldRefused.add(reason);
    this.#reportRefusal(null, reason);
    this.send(encodePermissionDenied(reason));
  }

  /** Drops the socket without a close handshake (dead peer, shutdown grace over). */
  terminate(): void {
    this.#teardown();
    this.#socket.terminate();
  }

  /** Sends a WebSocket ping (heartbeat). */
  ping(): void {
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.ping();
  }

  /** Resolves when the socket has fully closed. */
  whenClosed(): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) =>
      this.#socket.once('close', () => {
        resolve();
      }),
    );
  }

  // Methods, not inline checks: the state changes across awaits, which
  // TypeScript's narrowing does not see.
  #isPending(): boolean {
    return this.#state === 'pending';
  }

  #isAttached(): boolean {
    return this.#state === 'attached';
  }

  #passed<T>(result: StageResult<T>): result is { ok: true; value: T } {
    if (result.ok) return this.#isPending();
    this.close(result.code, result.reason);
    return false;
  }

  #reportRefusal(code: number | null, reason: string): void {
    this.#deps.onRefused?.({
      principal: this.#principal,
      path: this.#path,
      headers: this.#request.headers,
      remoteAddress: this.#request.remoteAddress,
      code,
      reason,
    });
  }

  #roomName(): string | null {
    return this.#room?.name ?? null;
  }

  readonly #onMessage = (data: RawData, isBinary: boolean): void => {
    if (this.#state === 'closed') return;
    if (!isBinary) {
      this.#protocolError('text frame');
      return;
    }
    const frame = Buffer.isBuffer(data)
      ? data
      : Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.from(data);
    if (this.#early !== null) {
      if (this.#early.length >= MAX_EARLY_FRAMES)
        this.close(CloseCode.Overloaded, 'too many early frames');
      else this.#early.push(frame);
      return;
    }
    this.#handle(frame);
  };

  #handle(frame: Buffer): void {
    const room = this.#room;
    if (room === null) return;
    const { metrics, limits } = this.#deps;
    metrics.messagesReceived += 1;
    metrics.bytesReceived += frame.byteLength;
    let message;
    try {
      message = decodeClientMessage(frame, limits);
    } catch (err) {
      if (err instanceof AwarenessTooLargeError) {
        metrics.protocolErrors += 1;
        this.close(CloseCode.MessageTooLarge, 'awareness update too large');
      } else if (err instanceof ProtocolError) {
        this.#protocolError(err.message);
      } else {
        throw err;
      }
      return;
    }
    try {
      switch (message.kind) {
        case 'sync-step1':
          this.send(room.syncStep2For(message.stateVector));
          return;
        case 'sync-step2':
        case 'sync-update': {
          if (message.empty) return;
          const step2 = message.kind === 'sync-step2';
          // A step 2 mostly repeats what the relay has (every reconnect sends
          // the whole delete set): storing it would add a row and make this
          // person the note's last editor in its change marker for nothing.
          // One too large to decode before the guard has tried it is checked
          // after (commitUpdate's onlyIfNew).
          if (step2 && message.decoded !== null && !room.wouldChange(message.update)) return;
          if (!this.#writable()) {
            metrics.writesRefused += 1;
            this.#refuseWrite();
            return;
          }
          room.commitUpdate(
            this,
            message.update,
            step2 ? null : frame,
            message.decoded,
            step2 && message.decoded === null,
          );
          return;
        }
        case 'awareness':
          room.applyAwareness(this, message.update, frame);
          return;
        case 'query-awareness':
          room.sendAwarenessTo(this);
          return;
        case 'spaces-subscribe':
        case 'notifications-subscribe':
          this.#wants.add(message.kind === 'spaces-subscribe' ? 'spaces' : 'notifications');
          return;
        case 'relay-state':
          // Readers may ask too: it reveals nothing they cannot sync anyway.
          room.sendRelayState(this);
          return;
        case 'auth':
          return;
      }
    } catch (err) {
      this.#deps.log.error('message handling failed', {
        room: room.name,
        error: errorMessage(err),
      });
      this.close(CloseCode.InternalError, 'relay error');
    }
  }

  /**
   * Closes the socket with 4401 when the credential expires (a socket must
   * not outlive its token): the client refreshes its token and reconnects. Delays beyond setTimeout's
   * range are re-armed in steps.
   */
  #armExpiry(expiresAtMs: number | undefined): void {
    if (expiresAtMs === undefined || this.#state === 'closed') return;
    const delay = expiresAtMs - Date.now();
    if (delay <= 0) {
      this.close(CloseCode.Unauthorized, 'token expired');
      return;
    }
    this.#expiryTimer = setTimeout(
      () => {
        this.#expiryTimer = null;
        this.#armExpiry(expiresAtMs);
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    this.#expiryTimer.unref();
  }

  #protocolError(reason: string): void {
    this.#deps.metrics.protocolErrors += 1;
    this.close(CloseCode.MalformedMessage, `malformed message: ${reason}`.slice(0, 120));
  }

  /** `report`: false when an owner's or admin's decision, not a write attempt, is the cause. */
  #refuseWrite(report = true): void {
    if (this.#toldReadOnly) return;
    this.#toldReadOnly = true;
    const reason = this.#readOnlyReason();
    if (report) this.#reportRefusal(null, reason);
    this.send(encodePermissionDenied(reason));
  }

  #teardown(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#early = null;
    if (this.#expiryTimer !== null) clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
    if (this.#indexed) this.#deps.liveAccess.remove(this);
    const room = this.#room;
    if (room !== null) {
      room.remove(this);
      this.#deps.registry.release(room);
    }
    if (this.#admitted) this.#deps.limiter.release();
    this.#deps.onGone(this);
  }
}
