import * as authProtocol from 'y-protocols/auth';
import type * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import type { AccessTokenResult } from '../../shared/auth.ts';
import { CloseCode, FATAL_CLOSE_CODES, MessageType, relayProtocols } from '../../shared/wire.ts';

/** Where relay connections get their access token (the Host, which refreshes it). */
export interface RelayCredentials {
  accessToken(options?: { forceRefresh?: boolean }): Promise<AccessTokenResult | null>;
}

/**
 * How many 4401 closes in a row we answer with a forced refresh before we
 * stop: a relay that refuses even a fresh token will not change its mind.
 */
export const MAX_UNAUTHORIZED_RETRIES = 2;

/**
 * Close codes after which y-websocket must not reconnect on its own. 4401
 * is among them because reconnecting with the same token cannot help: the
 * registry refreshes the token first and then reconnects itself.
 */
export function shouldReconnect(event: { code: number }): boolean {
  return !FATAL_CLOSE_CODES.has(event.code) && event.code !== CloseCode.Unauthorized;
}

/**
 * Gives the next connection its token in the `Sec-WebSocket-Protocol` header
 * (y-websocket passes `protocols` to each new WebSocket), never in the URL: a
 * URL shows in the browser console on every failed reconnect and can end up
 * in proxy logs; a header does neither.
 */
export function setToken(provider: WebsocketProvider, token: string | null): void {
  if ('token' in provider.params) {
    const params: Record<string, string> = { ...provider.params };
    delete params['token'];
    provider.params = params;
  }
  provider.protocols = token === null ? [] : relayProtocols(token);
}

/**
 * Replaces y-websocket's handler for y-protocols/auth messages. Its default
 * logs the provider's URL, which a client configured with `params` would
 * have carrying the access token (tokens are never logged); ours hands the
 * reason to `onDenied` instead.
 */
export function handlePermissionDenied(
  provider: WebsocketProvider,
  onDenied: (reason: string) => void,
): void {
  provider.messageHandlers[MessageType.Auth] = (_encoder, decoder: decoding.Decoder) => {
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
      onDenied(reason);
    });
  };
}
