// Stock y-websocket clients (WebsocketProvider over the `ws` package), the
// same client the web app uses, so the relays are measured as they are used.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

type WebSocketClass = NonNullable<
  ConstructorParameters<typeof WebsocketProvider>[3]
>['WebSocketPolyfill'];

/** Connects one client and resolves once its first sync has completed. */
export async function connectClient(
  url: string,
  room: string,
  timeoutMs: number,
  params: Readonly<Record<string, string>> = {},
): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    // ws implements the WebSocket API the provider uses; its type differs
    // from the DOM one only in details the provider does not touch.
    WebSocketPolyfill: WebSocket as unknown as WebSocketClass,
    // Node has BroadcastChannel: without this, clients in one process would
    // sync with one another directly and bypass the relay under test.
    disableBc: true,
    // The access token travels as `?token=`; the stock relay ignores it.
    params: { ...params },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      if (provider.synced) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        reject(new Error(`client did not sync with ${url}/${room} within ${timeoutMs} ms`));
      }, timeoutMs);
      // y-websocket stops retrying after a 44xx close: report it at once.
      provider.on('closed', ({ code, reason }) => {
        clearTimeout(timer);
        reject(new Error(`${url}/${room} closed the connection: ${code} ${reason}`));
      });
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve();
      });
    });
  } catch (error) {
    closeClient({ doc, provider });
    throw error;
  }
  return { doc, provider };
}

/** Connects `count` clients, `batch` at a time, all synced when it resolves. */
export async function connectClients(
  url: string,
  room: string,
  count: number,
  timeoutMs: number,
  params: Readonly<Record<string, string>> = {},
  batch = 25,
): Promise<BenchClient[]> {
  // Each provider registers a process 'exit' handler; hundreds of clients in
  // one process are the point here, not a leak.
  process.setMaxListeners(Math.max(process.getMaxListeners(), count + 50));
  const clients: BenchClient[] = [];
  try {
    for (let start = 0; start < count; start += batch) {
      const size = Math.min(batch, count - start);
      const connecting = Array.from({ length: size }, () =>
        connectClient(url, room, timeoutMs, params),
      );
      const settled = await Promise.allSettled(connecting);
      for (const result of settled) {
        if (result.status === 'fulfilled') clients.push(result.value);
      }
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed !== undefined) {
        const reason: unknown = failed.reason;
        throw reason instanceof Error ? reason : new Error(String(reason));
      }
    }
  } catch (error) {
    clients.forEach(closeClient);
    throw error;
  }
  return clients;
}

/** Disconnects a client and frees its document. */
export function closeClient(client: BenchClient): void {
  client.provider.destroy();
  client.doc.destroy();
}
