/**
 * Test rig for node failures: relay nodes as real CLI processes on fixed
 * ports (so a killed node comes back at the same URL) over one PostgreSQL and
 * one Redis, and y-websocket clients that rotate through the nodes' URLs
 * with shared/relay-rotation.ts, as the renderer does.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createRelayRotation, type RelayRotation } from '../../shared/relay-rotation.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { startCli } from './cli-process.ts';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** One relay node: a CLI process that can be killed and started again on the same port. */
export interface RelayNode {
  readonly name: string;
  readonly wsUrl: string;
  readonly httpUrl: string;
  /** The running process, or null while the node is down. */
  readonly child: ChildProcess | null;
  /** Log lines of the current process. */
  readonly lines: Record<string, unknown>[];
  start(): Promise<void>;
  /** Sends `signal` and resolves with the exit code once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

export interface NodeConfig {
  readonly name: string;
  readonly port: number;
  readonly dataDir: string;
  readonly issuer: string;
  readonly audience: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

/** A relay node on `config.port`; not started yet. `children` collects processes for clean-up. */
export function relayNode(config: NodeConfig, children: ChildProcess[]): RelayNode {
  const base = `127.0.0.1:${String(config.port)}`;
  let child: ChildProcess | null = null;
  let lines: Record<string, unknown>[] = [];
  const args = [
    ['--port', String(config.port)],
    ['--host', '127.0.0.1'],
    ['--data', config.dataDir],
    ['--issuer', config.issuer],
    ['--audience', config.audience],
    ['--database', config.databaseUrl],
    ['--redis', config.redisUrl],
  ].flat();
  return {
    name: config.name,
    wsUrl: `ws://${base}`,
    httpUrl: `http://${base}`,
    get child() {
      return child;
    },
    get lines() {
      return lines;
    },
    async start() {
      const started = await startCli(CLI, args, children);
      child = started.child;
      lines = started.lines;
    },
    async stop(signal) {
      const running = child;
      if (running === null) return null;
      const exited = running.exitCode === null ? once(running, 'exit') : null;
      running.kill(signal);
      const [code] = exited === null ? [running.exitCode] : ((await exited) as [number | null]);
      child = null;
      return code;
    },
  };
}

/** A y-websocket client that moves to the next relay URL whenever its connection closes. */
export interface FailoverClient {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  readonly provider: WebsocketProvider;
  readonly rotation: RelayRotation;
  /** Every update this client received from a relay, in order. */
  readonly received: Uint8Array[];
  /** Connected to a relay and synced with it. */
  ready(): boolean;
  /** The URL of the relay this client is connected to, or null. */
  connectedTo(): string | null;
  /** Leaves its relay for the next URL in its list (no failure involved). */
  switchNode(): void;
  destroy(): void;
}

export interface FailoverClientOptions {
  readonly name: string;
  readonly urls: readonly string[];
  readonly start: number;
  readonly room: string;
  readonly token: string;
  readonly random: () => number;
  /** While it returns true, a client whose connection closed waits before reconnecting. */
  readonly hold: () => boolean;
}

/**
 * Reconnecting is taken over from y-websocket (as renderer/sync/reconnect.ts
 * does): on `connection-close`, emitted before y-websocket schedules its own
 * retry, `shouldConnect` goes false, the provider's URL moves to the
 * rotation's next one and we connect after the rotation's delay.
 */
export function failoverClient(options: FailoverClientOptions): FailoverClient {
  const doc = new Y.Doc();
  const rotation = createRelayRotation(options.urls, {
    start: options.start,
    backoff: { baseMs: 40, maxMs: 1_000 },
    random: options.random,
  });
  const provider = new WebsocketProvider(rotation.current(), options.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: options.token },
  });
  const received: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) received.push(update);
  });
  let destroyed = false;
  let switching = false;
  let timer: NodeJS.Timeout | null = null;
  const reconnect = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = null;
      if (destroyed) return;
      if (options.hold()) reconnect(delayMs);
      else provider.connect();
    }, delayMs);
  };
  provider.on('connection-close', () => {
    if (destroyed || switching) return;
    provider.shouldConnect = false;
    const next = rotation.failed();
    provider.serverUrl = next.url;
    reconnect(next.delayMs);
  });
  provider.on('sync', (synced: boolean) => {
    if (synced) rotation.succeeded();
  });
  return {
    name: options.name,
    doc,
    text: doc.getText('body'),
    provider,
    rotation,
    received,
    ready: () => provider.wsconnected && provider.synced,
    connectedTo: () => (provider.wsconnected ? provider.serverUrl : null),
    switchNode() {
      switching = true;
      provider.disconnect();
      switching = false;
      provider.serverUrl = rotation.failed().url;
      provider.connect();
    },
    destroy() {
      destroyed = true;
      if (timer !== null) clearTimeout(timer);
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The room as PostgreSQL holds it, read through the relay's own storage code. */
export async function storedDoc(databaseUrl: string, room: string): Promise<Y.Doc> {
  const storage = await PostgresStorage.open(databaseUrl);
  try {
    const doc = new Y.Doc();
    for (const update of (await storage.loadDoc(room)).updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await storage.close();
  }
}

/** The updates in `updates` that `doc` does not fully contain (structs and deletions). */
export function missingFrom(doc: Y.Doc, updates: readonly Uint8Array[]): Uint8Array[] {
  const snapshot = Y.snapshot(doc);
  return updates.filter((update) => !Y.snapshotContainsUpdate(snapshot, update));
}

/** A small seeded PRNG (mulberry32): the same seed replays the same edits and choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
