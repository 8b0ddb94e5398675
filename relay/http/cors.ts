/**
 * CORS for the REST API (the web client is served from another origin than
 * the relay). An allow-list of exact origins; the `Authorization` header is
 * allowed; credentials (cookies) are never allowed, since the API
 * authenticates with bearer tokens only (Fetch standard, CORS protocol).
 */
import type { IncomingMessage } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type';

/** Normalises configured origins (`https://app.example.com`, no path, no trailing slash). */
export function normaliseOrigins(origins: readonly string[]): ReadonlySet<string> {
  const set = new Set<string>();
  for (const raw of origins) {
    const text = raw.trim();
    if (text === '') continue;
    const url = URL.parse(text);
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new Error(`CORS origin must be an http(s) origin, got "${text}"`);
    }
    set.add(url.origin);
  }
  return set;
}

/** Headers to add to an API response for `req`'s origin (none when it is not allowed). */
export function corsHeaders(
  req: IncomingMessage,
  allowed: ReadonlySet<string>,
): Record<string, string> {
  const origin = req.headers.origin;
  // Vary always: a cache must not serve one origin's answer to another.
  if (origin === undefined || !allowed.has(origin)) return { vary: 'origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'content-type',
    vary: 'origin',
  };
}

/** Headers of the answer to a preflight from an allowed origin. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '600',
    vary: 'origin',
  };
}
