import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../shared/wire.ts';
import { encodeRelayState } from './relay-state.ts';

/**
 * A named stand-in for the relay's end of a WebSocket, for DOM unit tests
 * (no relay runs in happy-dom). It keeps a Y.Doc per room like the relay
 * does, answers sync step 1 with step 2, applies updates, and answers
 * RelayState when `answersRelayState` is set (a relay that does not know
 * the message stays silent, like today's relay).
 */
export class StandInRelaySocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static sockets: StandInRelaySocket[] = [];
  static docs = new Map<string, Y.Doc>();
  static answersRelayState = true;
  /** RelayState requests received since the last reset. */
  static relayStateRequests = 0;
  /** Most sockets open at the same time since the last reset. */
  static peakOpen = 0;
  /** Accept every connection as soon as it is made (a relay that is up). */
  static autoAccept = false;
  static reset(): void {
    StandInRelaySocket.autoAccept = false;
    StandInRelaySocket.sockets = [];
    StandInRelaySocket.docs = new Map();
    StandInRelaySocket.answersRelayState = true;
    StandInRelaySocket.relayStateRequests = 0;
    StandInRelaySocket.peakOpen = 0;
  }
  static live(): StandInRelaySocket[] {
    return StandInRelaySocket.sockets.filter((s) => s.readyState < 2);
  }
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly url: string;
  readonly room: string;
  constructor(url: string) {
    this.url = url;
    this.room = new URL(url).pathname.slice(1);
    StandInRelaySocket.sockets.push(this);
    StandInRelaySocket.peakOpen = Math.max(
      StandInRelaySocket.peakOpen,
      StandInRelaySocket.live().length,
    );
    if (StandInRelaySocket.autoAccept) {
      queueMicrotask(() => {
        if (this.readyState === 0) this.accept();
      });
    }
  }
  get doc(): Y.Doc {
    let doc = StandInRelaySocket.docs.get(this.room);
    if (!doc) {
      doc = new Y.Doc();
      StandInRelaySocket.docs.set(this.room, doc);
    }
    return doc;
  }
  /** The relay accepts the connection (and sends its own sync step 1, as the relay does). */
  accept(): void {
    this.readyState = 1;
    // The relay's step 1 is on the wire before it reads ours (it sends it on connect).
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.deliver(encoding.toUint8Array(encoder));
    this.onopen?.();
  }
  send(data: Uint8Array): void {
    if (this.readyState !== 1) return;
    const bytes = new Uint8Array(data);
    const [type] = bytes;
    if (type === MessageType.RelayState) {
      StandInRelaySocket.relayStateRequests += 1;
      if (StandInRelaySocket.answersRelayState) {
        this.deliver(encodeRelayState(Y.encodeStateVector(this.doc)));
      }
      return;
    }
    if (type !== MessageType.Sync) return;
    const dec = decoding.createDecoder(bytes);
    decoding.readVarUint(dec);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.readSyncMessage(dec, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.deliver(encoding.toUint8Array(encoder));
  }
  close(): void {
    this.readyState = 3;
  }
  /** The relay closes the connection with `code`. */
  closeWith(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  private deliver(data: Uint8Array): void {
    queueMicrotask(() => {
      if (this.readyState === 1) this.onmessage?.({ data: data.slice().buffer });
    });
  }
}
