/**
 * Helpers for the offline-first sync tests: replicas that hold
 * several documents of one space, each with a stock y-websocket provider
 * (fast reconnects) and optionally a y-indexeddb store (on fake-indexeddb in
 * Node), that can go offline and come back; a relay that can be stopped and
 * started again on the same data directory and port; and a comparable
 * snapshot of what a document holds.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readAllPages } from '../../shared/space-index/index.ts';
import type { RelayHandle, RelayOptions } from '../server.ts';
import { startTestRelay } from './helpers.ts';

/** Reconnect quickly: the tests wait for convergence, not for back-off. */
export const FAST_BACKOFF_MS = 200;

/** A relay that can be stopped and started again on the same directory and port. */
export class RestartableRelay {
  readonly dataDir: string;
  readonly #extra: Partial<RelayOptions>;
  #handle: RelayHandle | null = null;
  #port = 0;

  constructor(dataDir: string, extra: Partial<RelayOptions> = {}) {
    this.dataDir = dataDir;
    this.#extra = extra;
  }

  /** `ws://127.0.0.1:PORT`, fixed after the first start. */
  get wsUrl(): string {
    if (this.#port === 0) throw new Error('relay never started');
    return `ws://127.0.0.1:${this.#port}`;
  }

  get running(): RelayHandle | null {
    return this.#handle;
  }

  async start(): Promise<RelayHandle> {
    if (this.#handle !== null) return this.#handle;
    this.#handle = await startTestRelay(this.dataDir, { ...this.#extra, port: this.#port });
    this.#port = this.#handle.port;
    return this.#handle;
  }

  async stop(): Promise<void> {
    const handle = this.#handle;
    this.#handle = null;
    await handle?.close();
  }
}

export interface ReplicaOptions {
  /** Keep each document in y-indexeddb under `<name>/<room>` (needs `fake-indexeddb/auto`). */
  readonly localStore?: boolean;
  /** Start offline (no provider connects until `goOnline`). */
  readonly offline?: boolean;
}

interface Held {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly store: IndexeddbPersistence | null;
}

/** One person's device: the documents of one space it holds, online or not. */
export class Replica {
  readonly name: string;
  readonly #relayUrl: () => string;
  readonly #space: string;
  readonly #options: ReplicaOptions;
  readonly #held = new Map<string, Held>();
  #online: boolean;

  constructor(name: string, relayUrl: () => string, space: string, options: ReplicaOptions = {}) {
    this.name = name;
    this.#relayUrl = relayUrl;
    this.#space = space;
    this.#options = options;
    this.#online = options.offline !== true;
  }

  get online(): boolean {
    return this.#online;
  }

  get docIds(): string[] {
    return [...this.#held.keys()];
  }

  /** The document `docId`, opened (and loaded from the local store) on first use. */
  async open(docId: string): Promise<Y.Doc> {
    const held = this.#held.get(docId);
    if (held !== undefined) return held.doc;
    const doc = new Y.Doc();
    const room = `${this.#space}/${docId}`;
    let store: IndexeddbPersistence | null = null;
    if (this.#options.localStore === true) {
      store = new IndexeddbPersistence(`${this.name}/${room}`, doc);
      // Load before connecting: the relay then gets what was edited offline.
      await store.whenSynced;
    }
    const provider = new WebsocketProvider(this.#relayUrl(), room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: this.#online,
      maxBackoffTime: FAST_BACKOFF_MS,
    });
    this.#held.set(docId, { doc, provider, store });
    return doc;
  }

  doc(docId: string): Y.Doc {
    const held = this.#held.get(docId);
    if (held === undefined) throw new Error(`${this.name} has not opened ${docId}`);
    return held.doc;
  }

  /** Every provider disconnects; edits stay local until `goOnline`. */
  goOffline(): void {
    this.#online = false;
    for (const { provider } of this.#held.values()) provider.disconnect();
  }

  goOnline(): void {
    this.#online = true;
    for (const { provider } of this.#held.values()) provider.connect();
  }

  /** True when every document's provider is connected and has synced. */
  synced(): boolean {
    return [...this.#held.values()].every((h) => h.provider.wsconnected && h.provider.synced);
  }

  /**
   * Gone at once, as when the process is killed: sockets dropped, documents
   * freed, nothing flushed or synced first. The local store keeps what it
   * had already written (y-indexeddb writes each update as it happens).
   */
  kill(): void {
    for (const { doc, provider, store } of this.#held.values()) {
      provider.destroy();
      void store?.destroy();
      doc.destroy();
    }
    this.#held.clear();
  }
}

/** What a document holds, in a form `toEqual` can compare across replicas. */
export function snapshot(doc: Y.Doc): unknown {
  return {
    body: doc.getText('body').toDelta() as unknown,
    marks: doc.getMap('marks').toJSON(),
    pages: readAllPages(doc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    stateVector: Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))),
  };
}
