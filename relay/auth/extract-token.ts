import type { IncomingHttpHeaders } from 'node:http';

// RFC 6750 §2.1 b64token; the scheme name is case-insensitive (RFC 9110 §11.1).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Finds the access token of a request: `Authorization: Bearer <token>` (HTTP,
 * RFC 6750 §2.1) or, for WebSocket upgrades where browsers cannot set headers,
 * the `token` query parameter (y-websocket's `params`). Returns null when there
 * is none, or when it is ambiguous (several `token` parameters, a malformed
 * header). Callers must strip the query before logging the URL.
 */
export function extractToken(request: {
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
}): string | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    return BEARER.exec(header)?.[1] ?? null;
  }
  const query = new URL(request.url ?? '/', 'http://relay.invalid').searchParams.getAll('token');
  if (query.length !== 1) return null;
  const [token] = query;
  return token === undefined || token === '' ? null : token;
}

/** The request URL without its query string: safe to log (the token may be in the query). */
export function redactUrl(url: string | undefined): string {
  const path = url ?? '/';
  const q = path.indexOf('?');
  return q === -1 ? path : `${path.slice(0, q)}?[redacted]`;
}
