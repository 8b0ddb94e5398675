// A lean y-websocket client for the load benchmark: one `ws` socket, one
// Y.Doc, the sync protocol of y-protocols, nothing else. WebsocketProvider
// would add awareness, reconnect timers and a BroadcastChannel per client;
// a few hundred of those per driver process would measure the drivers, not
// the relay. Hocuspocus speaks the same sync messages with its own framing
// (document name first, an Auth message before anything else), which
// `protocol: 'hocuspocus'` adds.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export type WireProtocol = 'y-websocket' | 'hocuspocus';

const SYNC = 0;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const AUTH_TOKEN = 0;
const REMOTE = Symbol('remote');

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

export interface LoadClientOptions {
  id: number;
  url: string;
  room: string;
  protocol: WireProtocol;
  params: Readonly<Record<string, string>>;
  /** A stamped update of another client arrived: its sender, sequence number and age (ms). */
  onReceipt: (sender: number, seq: number, latencyMs: number) => void;
}

export class LoadClient {
  readonly doc = new Y.Doc();
  private readonly socket: WebSocket;
  private readonly stamps: Y.Array<readonly [number, number, number]>;
  private readonly text: Y.Text;
  private seq = 0;
  /** When the message being applied arrived, so a receipt excludes this client's decoding. */
  private arrivedAt = 0;
  readonly synced: Promise<void>;

  private readonly options: LoadClientOptions;

  constructor(options: LoadClientOptions) {
    this.options = options;
    this.text = this.doc.getText('note');
    // A list, not a map keyed by sender: when Yjs holds updates back and
    // applies several at once, a map would show only the last of them.
    this.stamps = this.doc.getArray('stamps');
    const query = new URLSearchParams(options.params).toString();
    const path =
      options.protocol === 'hocuspocus' ? '' : `/${options.room}${query ? `?${query}` : ''}`;
    this.socket = new WebSocket(`${options.url}${path}`);
    this.socket.binaryType = 'nodebuffer';
    this.stamps.observe((event) => {
      if (event.transaction.origin !== REMOTE) return;
      for (const change of event.changes.delta) {
        for (const stamp of (change.insert ?? []) as (readonly [number, number, number])[])
          options.onReceipt(stamp[0], stamp[1], this.arrivedAt - stamp[2]);
      }
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const encoder = this.frame(SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoder);
    });
    this.synced = new Promise((resolve, reject) => {
      this.socket.once('open', () => {
        if (options.protocol === 'hocuspocus') {
          const auth = this.frame(HOCUSPOCUS_AUTH);
          encoding.writeVarUint(auth, AUTH_TOKEN);
          encoding.writeVarString(auth, options.params['token'] ?? '');
          this.send(auth);
        }
        const step1 = this.frame(SYNC);
        syncProtocol.writeSyncStep1(step1, this.doc);
        this.send(step1);
      });
      this.socket.on('message', (data: Buffer) => {
        this.arrivedAt = wallClock();
        if (this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))) resolve();
      });
      this.socket.once('error', reject);
      this.socket.once('close', (code, reason) => {
        reject(new Error(`${options.url} ${options.room} closed: ${code} ${reason.toString()}`));
      });
    });
  }

  /** One keystroke-sized edit and this client's stamp, in one transaction (one update). */
  edit(): void {
    this.seq += 1;
    this.doc.transact(() => {
      const at = this.text.length > 2_000 ? 0 : this.text.length;
      if (at === 0 && this.text.length > 0) this.text.delete(0, 1_000);
      this.text.insert(at, 'x');
      // Old stamps go, so a long run does not grow every document.
      if (this.stamps.length > 200) this.stamps.delete(0, 100);
      this.stamps.push([[this.options.id, this.seq, wallClock()]]);
    });
  }

  get id(): number {
    return this.options.id;
  }

  get sequence(): number {
    return this.seq;
  }

  close(): void {
    this.socket.terminate();
    this.doc.destroy();
  }

  /** Handles one message; true when it completed the initial sync (step 2 received). */
  private receive(data: Uint8Array): boolean {
    const decoder = decoding.createDecoder(data);
    if (this.options.protocol === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== HOCUSPOCUS_SYNC_REPLY) return false;
    const reply = this.frame(SYNC);
    const empty = encoding.length(reply);
    const kind = syncProtocol.readSyncMessage(decoder, reply, this.doc, REMOTE);
    if (encoding.length(reply) > empty) this.send(reply);
    return kind === syncProtocol.messageYjsSyncStep2;
  }

  private frame(type: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.options.protocol === 'hocuspocus') encoding.writeVarString(encoder, this.options.room);
    encoding.writeVarUint(encoder, type);
    return encoder;
  }

  private send(encoder: encoding.Encoder): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(encoding.toUint8Array(encoder));
  }
}
