/**
 * The audit log's hash chain. Each entry stores the SHA-256 of the previous
 * one and its own SHA-256 over a canonical encoding of every field, so a
 * changed, inserted or removed entry breaks the chain at that point.
 * Retention removes old entries only behind an `audit.purged` checkpoint
 * that records the last removed entry's number and hash.
 */
import { createHash } from 'node:crypto';
import type { AuditDetail, AuditEntry, AuditVerification } from './types.ts';

/** `prevHash` of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version of the canonical encoding, hashed with every entry. */
const ENCODING = 1;

/** The fields an entry's hash covers. */
export type HashedFields = Omit<AuditEntry, 'hash'>;

/** `detail` as canonical JSON: keys sorted, so equal facts hash alike. */
export function canonicalDetail(detail: AuditDetail): string {
  const sorted: AuditDetail = {};
  for (const key of Object.keys(detail).sort()) {
    const value = detail[key];
    if (value !== undefined) sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

/**
 * The canonical encoding: a JSON array of the fields in a fixed order
 * (JSON escapes every string unambiguously, so no two entries encode alike).
 */
export function canonicalEncoding(entry: HashedFields): string {
  return JSON.stringify([
    ENCODING,
    entry.seq,
    entry.at,
    entry.kind,
    entry.actor,
    entry.space,
    entry.target,
    entry.ip,
    entry.userAgent,
    canonicalDetail(entry.detail),
    entry.prevHash,
  ]);
}

/** SHA-256 (hex) of an entry's canonical encoding. */
export function entryHash(entry: HashedFields): string {
  return createHash('sha256').update(canonicalEncoding(entry)).digest('hex');
}

/** Reads entries after a `seq`, oldest first (a store's `after`). */
export type ReadAfter = (afterSeq: number, limit: number) => Promise<readonly AuditEntry[]>;

const BATCH = 1000;

function checkpointOf(entry: AuditEntry): { through: number; lastHash: string } | null {
  if (entry.kind !== 'audit.purged') return null;
  const { throughSeq, lastHash } = entry.detail;
  return typeof throughSeq === 'number' && typeof lastHash === 'string'
    ? { through: throughSeq, lastHash }
    : null;
}

/**
 * Walks the whole log oldest first, in batches, and checks every link: the
 * numbers run without gaps, each `prevHash` is the previous entry's hash,
 * each hash is recomputed. A log that starts after 1 must be explained by a
 * later checkpoint that names the entry before its first and that entry's
 * hash. Answers the first broken entry, or the head hash.
 */
export async function verifyChain(read: ReadAfter): Promise<AuditVerification> {
  let previous: AuditEntry | null = null;
  let first: AuditEntry | null = null;
  let entries = 0;
  // The first kept entry must be vouched for by a checkpoint found later in the walk.
  let unexplainedStart: AuditEntry | null = null;
  const broken = (seq: number, reason: string): AuditVerification => ({
    ok: false,
    entries,
    seq,
    reason,
  });
  for (;;) {
    const batch = await read(previous?.seq ?? 0, BATCH);
    for (const entry of batch) {
      if (previous === null) {
        first = entry;
        if (entry.seq === 1) {
          if (entry.prevHash !== GENESIS_HASH)
            return broken(1, 'first entry does not start the chain');
        } else {
          unexplainedStart = entry;
        }
      } else {
        if (entry.seq !== previous.seq + 1) {
          return broken(previous.seq + 1, `entry ${String(previous.seq + 1)} is missing`);
        }
        if (entry.prevHash !== previous.hash) {
          return broken(entry.seq, 'does not link to the entry before it');
        }
      }
      if (entryHash(entry) !== entry.hash)
        return broken(entry.seq, 'content does not match its hash');
      const checkpoint = checkpointOf(entry);
      if (checkpoint !== null && first !== null && checkpoint.through === first.seq - 1) {
        if (checkpoint.lastHash !== first.prevHash) {
          return broken(first.seq, 'does not link to the last purged entry');
        }
        unexplainedStart = null;
      }
      previous = entry;
      entries += 1;
    }
    if (batch.length < BATCH) break;
  }
  if (unexplainedStart !== null) {
    return broken(
      unexplainedStart.seq - 1,
      `entries before ${String(unexplainedStart.seq)} were removed without a purge checkpoint`,
    );
  }
  return { ok: true, entries, head: previous?.hash ?? GENESIS_HASH };
}
