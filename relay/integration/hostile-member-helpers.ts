/**
 * Helpers of the hostile-member suites: stock y-websocket clients that
 * record the relay's refusals, connected either the app's way (token in the
 * `Sec-WebSocket-Protocol` header) or the stock way (token in the query).
 */
import * as authProtocol from 'y-protocols/auth';
import type * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MessageType, relayProtocols } from '../../shared/wire.ts';
import type { ApiRig } from './api-rig.ts';
import type { DemoPerson } from './demo-people.ts';

export interface MemberClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Reasons of every permission-denied message the relay sent this client. */
  readonly denials: string[];
  /** Every URL this client opened a socket to. */
  readonly urls: string[];
  /** The close codes of this client's sockets, in order. */
  readonly closes: number[];
  destroy(): void;
}

/**
 * A stock y-websocket client of `room` for `person`. `header` sends the token
 * the app's way (subprotocol); otherwise in the `token` query parameter, as a
 * stock client configured with `params` does.
 */
export function memberClient(
  rig: ApiRig,
  room: string,
  person: DemoPerson,
  options: { header?: boolean } = {},
): MemberClient {
  const token = rig.tokens[person];
  const urls: string[] = [];
  const closes: number[] = [];
  // Records each URL and close code, and is otherwise the `ws` client.
  class RecordingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      urls.push(url);
      this.on('close', (code) => closes.push(code));
    }
  }
  const doc = new Y.Doc();
  const header = options.header === true;
  const provider = new WebsocketProvider(rig.relay.wsUrl, room, doc, {
    WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(header ? { protocols: relayProtocols(token) } : { params: { token } }),
  });
  const denials: string[] = [];
  // y-websocket's own handler only logs; the tests need the reason.
  provider.messageHandlers[MessageType.Auth] = (_encoder, decoder: decoding.Decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
      denials.push(reason);
    });
  };
  return {
    doc,
    provider,
    denials,
    urls,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the client has completed a sync with the relay. */
export function whenSynced(client: MemberClient): Promise<void> {
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
