/**
 * Test helpers for relay integration tests: a real relay on port 0 over a
 * temporary data directory, stock y-websocket clients, and raw `ws` sockets
 * for hostile frames.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelay, type RelayHandle, type RelayOptions } from '../server.ts';

/** A fresh temporary data directory; `cleanup` removes it. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-relay-'));
  return {
    dir,
    cleanup: () => {
      // Retries: a relay child process may still be closing its SQLite files.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}

/**
 * Starts a relay on an ephemeral port. Without `auth` or an `authenticator`
 * it runs with `insecureOpenAccess` (the issue-2 tests exercise sync, not
 * access; the auth tests pass `auth`).
 */
export function startTestRelay(
  dataDir: string,
  extra: Partial<RelayOptions> = {},
): Promise<RelayHandle> {
  const open = extra.auth === undefined && extra.authenticator === undefined;
  return startRelay({ port: 0, dataDir, ...(open ? { insecureOpenAccess: true } : {}), ...extra });
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly text: Y.Text;
  destroy(): void;
}

/**
 * A stock y-websocket client. BroadcastChannel is off: in one Node process
 * every provider would otherwise sync through it and hide what the relay does.
 */
export function connectClient(
  wsUrl: string,
  room: string,
  params: Record<string, string> = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  return {
    doc,
    provider,
    text: doc.getText('body'),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider has completed its first sync with the relay. */
export function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

export interface RawSocket {
  readonly socket: WebSocket;
  /** Every frame received, recorded from the start (frames may arrive with the handshake). */
  readonly frames: Buffer[];
  /** The close code and reason the socket ends with. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** A raw `ws` socket to `${wsUrl}${path}`, open, with its frames and close recorded. */
export async function openRawSocket(wsUrl: string, path: string): Promise<RawSocket> {
  const socket = new WebSocket(`${wsUrl}${path}`);
  const frames: Buffer[] = [];
  socket.on('message', (data: Buffer) => frames.push(data));
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      resolve();
    });
    socket.once('unexpected-response', () => {
      reject(new Error('upgrade refused'));
    });
  });
  return { socket, frames, closed };
}
