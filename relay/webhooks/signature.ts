/**
 * Signing deliveries, Stripe-style: `Commonplace-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the webhook's secret.
 * The timestamp is inside the signed text, so a receiver that rejects old
 * timestamps also rejects a recorded delivery replayed later.
 * `verifySignature` is the documented receiver-side check
 * (docs/administration.md), used by the tests exactly as a receiver would.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Default tolerance of a receiver for the signature's age, in seconds. */
export const DEFAULT_TOLERANCE_SEC = 300;

/** A new signing secret: 32 random bytes, base64url, with a recognisable prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret)
    .update(`${String(timestamp)}.${body}`)
    .digest('hex');
}

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${String(timestamp)},v1=${hmacHex(secret, timestamp, body)}`;
}

export type VerifyResult =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'mismatch' | 'too old' };

/**
 * Checks a delivery as a receiver: `header` is `Commonplace-Signature`,
 * `body` the raw request body (before any JSON parsing), `nowSec` the
 * receiver's clock in unix seconds. Accepts when any `v1` matches (several
 * appear while a secret is rotated) and the timestamp is within `toleranceSec`.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSec: number,
  toleranceSec = DEFAULT_TOLERANCE_SEC,
): VerifyResult {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value !== undefined && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  // Constant time, so a receiver's answer times leak nothing of the expected value.
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowSec - timestamp) > toleranceSec) return { ok: false, reason: 'too old' };
  return { ok: true, timestamp };
}
