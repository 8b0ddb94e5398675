/**
 * Raw (binary) request bodies for the REST API: the declared content type
 * checked against the route's list (415), the size counted chunk by chunk
 * while the body streams in (413 as soon as it passes the limit, and at once
 * when `content-length` already says so), never buffered whole first. The
 * rest of a refused body is left to lingering-close.ts.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './json.ts';
import { readLimited } from './read-limited.ts';

/** What a route that takes a raw body declares. */
export interface RawBodySpec {
  /** Accepted media types (lower case, no parameters). */
  readonly contentTypes: readonly string[];
  /** Largest body accepted, in bytes; may depend on the relay's configured limits. */
  readonly maxBytes: number;
  /** For the OpenAPI document. */
  readonly description: string;
  /** Silence after which a body that stopped arriving is refused with 408. */
  readonly idleMs?: number;
}

/** A raw body as the handler receives it. */
export interface RawBody {
  /** The declared media type, lower case, without parameters; one of the route's. */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** The declared media type of `req`, lower case, without parameters ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/**
 * Checks the declared content type and length of a raw body before anything
 * is read.
 * @throws HttpError 415 (type not accepted), 413 (declared length too large).
 */
export function checkRawBodyHead(req: IncomingMessage, spec: RawBodySpec): string {
  const type = mediaType(req);
  if (!spec.contentTypes.includes(type)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `the body must be one of ${spec.contentTypes.join(', ')}${type === '' ? '' : `, not ${type}`}`,
    );
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > spec.maxBytes) throw tooLarge(spec.maxBytes);
  return type;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    'payload_too_large',
    `the body must be at most ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(1)} MiB)`,
    // The rest of the body is not read: the connection cannot be reused.
    { connection: 'close' },
  );
}

/**
 * Reads a raw body of at most `spec.maxBytes`, counting while it streams.
 * @throws HttpError 415 or 413 (see `checkRawBodyHead`), 400 when empty;
 *   BodyAbortedError when the client goes away mid-body.
 */
export async function readRawBody(req: IncomingMessage, spec: RawBodySpec): Promise<RawBody> {
  const contentType = checkRawBodyHead(req, spec);
  const bytes = await readLimited(req, spec.maxBytes, spec.idleMs);
  if (bytes === 'too-large') throw tooLarge(spec.maxBytes);
  if (bytes === 'idle') {
    throw new HttpError(
      408,
      'upload_stalled',
      `nothing of the body arrived for ${String(spec.idleMs ?? 0)} ms (limit uploadIdleTimeoutMs)`,
      { connection: 'close' },
    );
  }
  if (bytes.byteLength === 0) throw new HttpError(400, 'empty_body', 'the body is empty');
  return { contentType, bytes };
}
