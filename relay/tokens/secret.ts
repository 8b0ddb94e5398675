/**
 * Token secrets: `cpat_<16 hex id>_<43 base64url characters>` (256 random
 * bits). Only the SHA-256 of the whole token is stored; a presented token is
 * found by its id and its hash compared in constant time, so neither a
 * database copy nor response timing gives a usable token away. A fast hash
 * is enough here (unlike passwords): the secret has full entropy.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ACCESS_TOKEN_PREFIX } from '../../shared/access-tokens-api.ts';

const TOKEN_PATTERN = /^cpat_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A new token: its public id and the whole secret (answered once, never stored). */
export function newToken(): { id: string; token: string } {
  const id = randomBytes(8).toString('hex');
  return { id, token: `${ACCESS_TOKEN_PREFIX}${id}_${randomBytes(32).toString('base64url')}` };
}

/** Hex SHA-256 of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The id a well-formed token names, or null. */
export function tokenId(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

/** Whether `token` hashes to `storedHash`, in time independent of where they differ. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
