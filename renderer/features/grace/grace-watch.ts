import type { SessionState } from '../../../shared/auth.ts';
import { createGraceClock, type GraceClock } from '../../auth/grace-clock.ts';
import type { KeyValueStore } from '../../auth/token-set.ts';
import type { AppStore } from '../../store/index.ts';

/**
 * Wires the offline grace clock to the app: a signed-in state whose access
 * token expires later than any seen before means the IdP just issued a token
 * (a sign-in or a refresh) and restarts the clock; past the limit the store's
 * `grace.expired` makes every note read-only (selectReadOnlyReason) and the
 * banner offers to sign in.
 *
 * The desktop app restores a saved session with its old expiry and the web
 * client keeps its token set in storage, so a restart alone never counts as a
 * refresh: only a token the IdP issued does.
 */
export const LAST_EXPIRY_KEY = 'commonplace.grace.tokenExpiry.v1';

/** Re-read the clock at least this often, so a laptop waking from sleep catches up within the hour. */
const RECHECK_MS = 60 * 60 * 1000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface GraceWatchOptions {
  readonly store: AppStore;
  /** The administrator's `offlineGraceDays`. */
  readonly graceDays: number;
  /** Local storage: the clock and the last expiry are times, never secrets. */
  readonly storage: KeyValueStore;
  readonly now?: () => number;
  readonly timers?: Timers;
}

export interface GraceWatch {
  readonly clock: GraceClock;
  /** Reads the clock now and updates the store; the timer calls it too. */
  check(): void;
  stop(): void;
}

function lastExpiry(storage: KeyValueStore): number {
  try {
    const value = Number(storage.getItem(LAST_EXPIRY_KEY));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

function remember(storage: KeyValueStore, expiresAt: number): void {
  try {
    storage.setItem(LAST_EXPIRY_KEY, String(expiresAt));
  } catch {
    // Storage full or disabled: the clock then counts from this page's refreshes only.
  }
}

export function startGraceWatch(options: GraceWatchOptions): GraceWatch {
  const { store, storage } = options;
  const now = options.now ?? Date.now;
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => {
      globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
  const clock = createGraceClock({ graceDays: options.graceDays, storage, now });
  let timer: unknown = null;
  let stopped = false;

  const check = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const status = clock.status();
    const expired = status.state === 'expired';
    const current = store.getState().grace;
    if (current.expired !== expired || current.days !== options.graceDays) {
      store.getState().setGrace({ expired, days: options.graceDays });
    }
    const wait = status.state === 'ok' ? Math.min(status.remainingMs, RECHECK_MS) : RECHECK_MS;
    timer = timers.setTimeout(check, Math.max(wait, 1));
  };

  const observe = (session: SessionState | null): void => {
    if (session?.status === 'signed-in') {
      if (session.accessTokenExpiresAt > lastExpiry(storage)) {
        remember(storage, session.accessTokenExpiresAt);
        clock.recordRefresh();
      }
    }
    // Signed out forgets nothing: the desktop app reports "signed out" at
    // start until main has restored the saved session, and clearing then
    // would restart the clock on every launch. The next person's sign-in
    // brings a new token, which restarts it anyway.
    check();
  };

  observe(store.getState().session);
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.session !== prev.session) observe(state.session);
  });
  return {
    clock,
    check,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
