/**
 * JSON in and out for the relay's REST API: bodies read with a size cap (413)
 * and a content-type check, errors as `{ error: { code, message } }`
 * (shared/api.ts) with the matching HTTP status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../../shared/api.ts';
import { readLimited } from './read-limited.ts';

/** An API failure: becomes its status and JSON error body. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra response headers (e.g. `allow` for 405). */
  readonly headers: Readonly<Record<string, string>>;
  /** Extra fields of the error body (a 429's `limit` and `retryAfterSeconds`). */
  readonly details: LimitDetails | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    headers: Readonly<Record<string, string>> = {},
    details?: LimitDetails,
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.details = details;
  }
}

/** What a 429 says besides its message: which limit, and when to retry. */
export interface LimitDetails {
  readonly limit: string;
  readonly retryAfterSeconds: number;
}

/**
 * A refusal for a person past one of their fair-share limits: HTTP 429 with
 * `Retry-After` (RFC 9110 §10.2.3, whole seconds, at least 1) and the
 * limit's name in the body, so a script or the app can tell which limit it
 * reached and back off for just that long.
 */
export function limitExceeded(limit: string, retryAfterMs: number, message: string): HttpError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(
    429,
    'limit_exceeded',
    `${message} (limit ${limit}); retry in ${String(retryAfterSeconds)} s`,
    { 'retry-after': String(retryAfterSeconds) },
    { limit, retryAfterSeconds },
  );
}

/** Writes a JSON response (or an empty one for 204). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (status === 204) {
    res.writeHead(204, { 'cache-control': 'no-store', ...headers });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Writes an `HttpError` as the shared error shape. */
export function sendError(
  res: ServerResponse,
  error: HttpError,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body: ApiError = {
    error: { code: error.code, message: error.message, ...error.details },
  };
  sendJson(res, error.status, body, { ...headers, ...error.headers });
}

/**
 * Reads a JSON request body of at most `maxBytes`.
 * @throws HttpError 415 (not JSON), 413 (too large), 400 (does not parse);
 *   BodyAbortedError when the client goes away mid-body.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'the body must be application/json');
  }
  const tooLarge = new HttpError(
    413,
    'payload_too_large',
    `the body must be at most ${maxBytes} bytes`,
    // The rest of the body is not read: the connection cannot be reused.
    { connection: 'close' },
  );
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge;
  // Past the cap the rest is left unread (the caller closes the connection after the 413).
  const bytes = await readLimited(req, maxBytes);
  // No idle limit is passed, so 'idle' cannot come back; JSON bodies are a few KiB.
  if (bytes === 'too-large' || bytes === 'idle') throw tooLarge;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON');
  }
}
