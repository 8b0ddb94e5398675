import type { KeyValueStore } from './token-set.ts';

/**
 * How long the app may be used without a successful token refresh (the
 * administrator's `offlineGraceDays`). A person the organisation has removed
 * keeps a laptop that never reaches the IdP again; past the limit that copy
 * becomes read-only until they sign in, so nothing new is written under an
 * identity nobody can vouch for. Reading continues: the notes are theirs to
 * consult on a long flight.
 *
 * The last success is kept in local storage (a time, no secret) so a restart
 * does not reset the clock; a clock turned back cannot extend the limit past
 * the latest time ever seen.
 */
export const LAST_REFRESH_KEY = 'commonplace.grace.lastRefresh.v1';
const DAY_MS = 24 * 60 * 60 * 1000;

export type GraceStatus =
  | { readonly state: 'ok'; readonly remainingMs: number }
  /** Past the limit: editing stops until a sign-in succeeds. */
  | { readonly state: 'expired'; readonly expiredForMs: number }
  /** No refresh has ever succeeded on this machine (not signed in yet). */
  | { readonly state: 'unknown' };

export interface GraceClock {
  /** Call after every successful sign-in or token refresh. */
  recordRefresh(): void;
  /** Where the clock stands now. */
  status(): GraceStatus;
  /** Forgets the last refresh (sign-out, wipe). */
  clear(): void;
}

export interface GraceClockOptions {
  readonly graceDays: number;
  readonly storage: KeyValueStore;
  readonly now?: () => number;
}

interface Stored {
  /** When the last refresh succeeded. */
  readonly at: number;
  /** The latest time the clock has read, so turning the clock back does not help. */
  readonly seen: number;
}

function read(storage: KeyValueStore): Stored | null {
  try {
    const raw = storage.getItem(LAST_REFRESH_KEY);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<Stored>;
    if (typeof value.at !== 'number' || typeof value.seen !== 'number') return null;
    return { at: value.at, seen: value.seen };
  } catch {
    return null;
  }
}

function write(storage: KeyValueStore, value: Stored): void {
  try {
    storage.setItem(LAST_REFRESH_KEY, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the clock then lasts as long as the page.
  }
}

export function createGraceClock(options: GraceClockOptions): GraceClock {
  if (!Number.isInteger(options.graceDays) || options.graceDays < 1) {
    throw new RangeError(
      `offline grace period must be a whole number of days ≥ 1, got ${String(options.graceDays)}`,
    );
  }
  const now = options.now ?? Date.now;
  const limitMs = options.graceDays * DAY_MS;
  return {
    recordRefresh() {
      const at = now();
      const seen = Math.max(at, read(options.storage)?.seen ?? at);
      write(options.storage, { at: Math.min(at, seen), seen });
    },
    status() {
      const stored = read(options.storage);
      if (stored === null) return { state: 'unknown' };
      const current = Math.max(now(), stored.seen);
      if (current > stored.seen) write(options.storage, { ...stored, seen: current });
      const elapsed = current - stored.at;
      return elapsed >= limitMs
        ? { state: 'expired', expiredForMs: elapsed - limitMs }
        : { state: 'ok', remainingMs: limitMs - elapsed };
    },
    clear() {
      try {
        options.storage.removeItem(LAST_REFRESH_KEY);
      } catch {
        // Nothing to forget.
      }
    },
  };
}
