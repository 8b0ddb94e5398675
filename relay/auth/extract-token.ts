import type { IncomingHttpHeaders } from 'node:http';
import { RELAY_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/wire.ts';

// RFC 6750 §2.1 b64token; the scheme name is case-insensitive (RFC 9110 §11.1).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Finds the access token of a request, in this order:
 * - `Authorization: Bearer <token>` (HTTP, RFC 6750 §2.1);
 * - a WebSocket subprotocol `commonplace.bearer.<token>` offered in
 *   `Sec-WebSocket-Protocol` (browsers cannot set other headers on a
 *   WebSocket; a header is neither shown in the console on a failed connect
 *   nor written to proxy logs, as a URL is): the app's way;
 * - the `token` query parameter, kept for stock y-websocket clients
 *   configured with `params` only. Callers must strip the query before
 *   logging the URL.
 * Returns null when there is none, or when it is ambiguous (several tokens of
 * one kind, a malformed header).
 */
export function extractToken(request: {
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
}): string | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    return BEARER.exec(header)?.[1] ?? null;
  }
  const offered = offeredProtocols(request.headers['sec-websocket-protocol']);
  const carried = offered.filter((p) => p.startsWith(TOKEN_SUBPROTOCOL_PREFIX));
  if (carried.length > 0) {
    const [only] = carried;
    if (carried.length !== 1 || only === undefined) return null;
    const token = only.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
    return token === '' ? null : token;
  }
  const query = new URL(request.url ?? '/', 'http://relay.invalid').searchParams.getAll('token');
  if (query.length !== 1) return null;
  const [token] = query;
  return token === undefined || token === '' ? null : token;
}

/** The subprotocols of a `Sec-WebSocket-Protocol` header (comma-separated, RFC 6455 §4.1). */
function offeredProtocols(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The subprotocol the relay answers with (ws's `handleProtocols`): its own
 * name when offered, never the token-carrying one (that would echo the token
 * into a response header). A client that offers only a token subprotocol gets
 * none back and its browser fails the handshake, as RFC 6455 §4.1 requires:
 * offer both, as `relayProtocols` does.
 */
export function chooseSubprotocol(offered: ReadonlySet<string>): string | false {
  return offered.has(RELAY_SUBPROTOCOL) ? RELAY_SUBPROTOCOL : false;
}

/** The request URL without its query string: safe to log (the token may be in the query). */
export function redactUrl(url: string | undefined): string {
  const path = url ?? '/';
  const q = path.indexOf('?');
  return q === -1 ? path : `${path.slice(0, q)}?[redacted]`;
}
