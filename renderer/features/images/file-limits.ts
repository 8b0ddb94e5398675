import { z } from 'zod';
import type { FileLimits } from '../../../shared/files-api.ts';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';

/** The limits a pasted image is checked against. */
export interface KnownLimits {
  readonly maxFileBytes: number;
  /** Bytes the space may still store; null when unknown or unlimited. */
  readonly spaceBytesLeft: number | null;
}

/**
 * The relay's own image limits per space (`GET /api/spaces/{id}/files/limits`),
 * so an image the relay would refuse is refused at paste time, in words,
 * rather than kept and refused on upload. The largest file size is kept in
 * localStorage per space, so a paste while offline is checked against the
 * last known value; the space's remaining bytes change with every upload, so
 * only a value fetched in this session counts.
 */
export interface LimitsCache {
  /** The limits now: fetched in this session, else last stored, else the default. */
  known(spaceId: string): KnownLimits;
  /** Asks the relay when online and the last answer is older than the cache time; never throws. */
  refresh(spaceId: string): Promise<KnownLimits>;
}

export interface LimitsCacheOptions {
  readonly api: Pick<FilesApi, 'limits'>;
  /** The size used until the relay has said otherwise (shared/limits.ts MAX_FILE_BYTES). */
  readonly defaultMaxBytes: number;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly isOnline?: () => boolean;
  /** How long an answer (or a failure) is trusted before asking again. */
  readonly ttlMs?: number;
  /** A paste waits at most this long for the relay's answer. */
  readonly timeoutMs?: number;
}

/** Least time between two questions to a relay that did not answer. */
const FAILED_RETRY_MS = 30_000;

const StoredLimitsSchema = z.object({ maxFileBytes: z.number().int().positive() });

/** The localStorage key of a space's last known limits. */
export const limitsStorageKey = (spaceId: string) =>
  `commonplace/file-limits/${encodeURIComponent(spaceId)}`;

function defaultStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage blocked (privacy settings): defaults only.
    return null;
  }
}

export function createLimitsCache(options: LimitsCacheOptions): LimitsCache {
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine);
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? 3000;
  const fetched = new Map<string, { limits: KnownLimits; at: number }>();
  const asking = new Map<string, Promise<void>>();
  const askedAt = new Map<string, number>();

  const stored = (spaceId: string): number | null => {
    try {
      const text = storage?.getItem(limitsStorageKey(spaceId)) ?? null;
      if (text === null) return null;
      const parsed = StoredLimitsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.maxFileBytes : null;
    } catch {
      return null;
    }
  };

  const known = (spaceId: string): KnownLimits =>
    fetched.get(spaceId)?.limits ?? {
      maxFileBytes: stored(spaceId) ?? options.defaultMaxBytes,
      spaceBytesLeft: null,
    };

  const remember = (spaceId: string, limits: FileLimits) => {
    fetched.set(spaceId, { limits, at: Date.now() });
    try {
      storage?.setItem(
        limitsStorageKey(spaceId),
        JSON.stringify({ maxFileBytes: limits.maxFileBytes }),
      );
    } catch {
      // Storage full or blocked: this session still knows.
    }
  };

  const ask = async (spaceId: string): Promise<void> => {
    try {
      remember(spaceId, await options.api.limits(spaceId));
    } catch (err) {
      const status = err instanceof ApiRequestError ? err.status : 0;
      if (status === 404 || status === 405) {
        // A relay older than the route: its limit is the default one.
        fetched.set(spaceId, {
          limits: { maxFileBytes: options.defaultMaxBytes, spaceBytesLeft: null },
          at: Date.now(),
        });
      }
      // Anything else (unreachable, not a member): the last known value stays.
    }
  };

  return {
    known,
    refresh: async (spaceId) => {
      const last = fetched.get(spaceId);
      const now = Date.now();
      let question = asking.get(spaceId);
      const fresh = last !== undefined && now - last.at < ttlMs;
      // After a failed question, not again at once: every image view of a note asks.
      const failedLately = now - (askedAt.get(spaceId) ?? -Infinity) < FAILED_RETRY_MS;
      if (!isOnline() || fresh || (question === undefined && failedLately)) {
        return known(spaceId);
      }
      if (question === undefined) {
        askedAt.set(spaceId, now);
        question = ask(spaceId).finally(() => {
          asking.delete(spaceId);
        });
        asking.set(spaceId, question);
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      // A relay that does not answer must not hold a paste: the last known value then.
      await Promise.race([
        question,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      return known(spaceId);
    },
  };
}
