import type { SessionState } from '../../../shared/auth.ts';
import type { Host } from '../../../shared/host.ts';
import { closeErasesLocalCopy, CloseCode } from '../../../shared/wire.ts';
import { t } from '../../i18n/index.ts';
import type { AppStore } from '../../store/index.ts';
import { eraseLocalCopy, type EraseTargets, type StorageLike } from '../../sync/local-wipe.ts';

/**
 * Erases this machine's copy of the person's data and returns to sign-in:
 * when the relay withdraws it (close code 4410), when the organisation removed
 * the person (4401/4403 "person removed"), when the IdP refuses the session
 * for good, and when the person signs out with "remove this laptop's copy".
 *
 * Order matters: the session ends first (tokens revoked and deleted; the
 * workspace closes its documents, so their databases are not held open), then
 * every `commonplace…` database and storage key goes. A marker kept outside
 * that prefix survives the erasure until it is complete, so a wipe cut short
 * (the app killed, a database still open) finishes at the next start, before
 * anything is opened.
 */
export const PENDING_WIPE_KEY = 'wipe-pending.commonplace';

export type WipeCause = 'withdrawn' | 'personRemoved' | 'sessionRefused' | 'signOut';
const CAUSES: readonly WipeCause[] = ['withdrawn', 'personRemoved', 'sessionRefused', 'signOut'];

/** Where the marker lives: local storage, which survives a restart. */
export interface MarkerStorage extends StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface WipeServiceOptions {
  readonly host: Pick<Host, 'signOut'>;
  readonly store: AppStore;
  readonly targets: EraseTargets;
  readonly marker: MarkerStorage;
  /**
   * Keys that survive the erasure with their values: the web session's
   * "signed out" flag, so the next sign-in asks the IdP for a login rather
   * than silently reusing the previous person's IdP session.
   */
  readonly keep?: readonly { readonly storage: MarkerStorage; readonly key: string }[];
}

export interface WipeService {
  /** Erases the local copy for `cause`; until the next sign-in, later calls share the first one's outcome. */
  erase(cause: WipeCause): Promise<void>;
  /** Signs out, erasing the local copy first when the person asked for it. */
  signOut(removeLocalCopy: boolean): Promise<void>;
  /**
   * Finishes a wipe an earlier run left incomplete; call before anything
   * opens a database. Resolves true when it erased (the host is signed out).
   */
  resume(): Promise<boolean>;
  /**
   * Starts acting on relay closes and IdP refusals in the store (and shows
   * why a resumed wipe happened); returns the stop function.
   */
  watch(): () => void;
}

/** What the person is told, by cause; null when they asked for it themselves. */
export function wipeMessage(cause: WipeCause, complete: boolean): string | null {
  const why =
    cause === 'withdrawn'
      ? t('wipe.withdrawn')
      : cause === 'personRemoved'
        ? t('wipe.personRemoved')
        : cause === 'sessionRefused'
          ? t('wipe.sessionRefused')
          : null;
  if (complete) return why;
  return why === null ? t('wipe.incomplete') : `${why} ${t('wipe.incomplete')}`;
}

/** The cause a relay close stands for, or null when it erases nothing. */
export function causeOfClose(code: number, reason: string): WipeCause | null {
  if (!closeErasesLocalCopy(code, reason)) return null;
  return code === CloseCode.Wiped ? 'withdrawn' : 'personRemoved';
}

function readKey(storage: MarkerStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function writeKey(storage: MarkerStorage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Storage disabled: the flag only asks for a fresh login next time.
  }
}

function readCause(marker: MarkerStorage): WipeCause | null {
  try {
    const value = marker.getItem(PENDING_WIPE_KEY);
    return CAUSES.find((cause) => cause === value) ?? null;
  } catch {
    return null;
  }
}

export function createWipeService(options: WipeServiceOptions): WipeService {
  const { store, marker } = options;
  let running: Promise<void> | null = null;
  /** The last wipe's message, shown again by watch() once the shell has its session. */
  let notice: string | null = null;

  /** Shows why on the sign-in screen: an error state the host never sent, which the next sign-in replaces. */
  const tell = (message: string | null): void => {
    if (message === null) return;
    const current: SessionState | null = store.getState().session;
    const persistence = current?.persistence ?? { refreshTokenPersisted: false };
    store.getState().setSession({ status: 'error', reason: message, persistence });
  };

  const run = async (cause: WipeCause): Promise<void> => {
    try {
      marker.setItem(PENDING_WIPE_KEY, cause);
    } catch {
      // Storage disabled: nothing was stored in it either.
    }
    await options.host.signOut().catch(() => undefined);
    const kept = (options.keep ?? []).flatMap(({ storage, key }) => {
      const value = readKey(storage, key);
      return value === null ? [] : [{ storage, key, value }];
    });
    const report = await eraseLocalCopy(options.targets);
    for (const { storage, key, value } of kept) writeKey(storage, key, value);
    const complete = report.failed.length === 0;
    if (complete) {
      try {
        marker.removeItem(PENDING_WIPE_KEY);
      } catch {
        // Already gone.
      }
    }
    notice = wipeMessage(cause, complete);
    tell(notice);
  };

  // Kept once done: every room of the withdrawn copy closes with the same
  // code, and one erasure answers them all. A new sign-in starts afresh.
  const erase = (cause: WipeCause): Promise<void> => {
    running ??= run(cause);
    return running;
  };

  return {
    erase,
    async signOut(removeLocalCopy) {
      if (removeLocalCopy) await erase('signOut');
      else await options.host.signOut();
    },
    async resume() {
      const cause = readCause(marker);
      if (cause === null) return false;
      await erase(cause);
      return true;
    },
    watch() {
      if (store.getState().session?.status === 'signed-out') tell(notice);
      return store.subscribe((state, prev) => {
        const session = state.session;
        if (session !== prev.session && session?.status === 'signed-in') {
          running = null;
          notice = null;
        }
        if (session !== prev.session && session?.status === 'error' && session.refused === true) {
          void erase('sessionRefused');
          return;
        }
        if (state.rooms === prev.rooms) return;
        for (const [key, room] of Object.entries(state.rooms)) {
          const closed = room.closed;
          if (closed === null || prev.rooms[key]?.closed === closed) continue;
          const cause = causeOfClose(closed.code, closed.reason);
          if (cause !== null) {
            void erase(cause);
            return;
          }
        }
      });
    },
  };
}
