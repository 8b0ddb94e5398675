import type { WebsocketProvider } from 'y-websocket';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { shouldReconnect } from './relay-auth.ts';

/**
 * Takes reconnecting over from y-websocket, whose retry delay has no jitter
 * (see backoff.ts). On an unexpected close we set `provider.shouldConnect`
 * to false *before* y-websocket schedules its own retry (its
 * `connection-close` event is emitted first), which turns that retry into a
 * no-op, and schedule ours with `backoffDelay`. Fatal closes and 4401 are
 * left to y-websocket's `closed` event and the registry.
 */
export interface Reconnector {
  /** Retry now (the network came back); resets the back-off. */
  now(): void;
  /** Schedules the next attempt with the back-off (no socket could even be tried). */
  later(): void;
  /** A sync completed: the next failure starts the back-off from the beginning. */
  reset(): void;
  cancel(): void;
  destroy(): void;
}

export function manageReconnect(
  provider: WebsocketProvider,
  options: {
    /** Whether a socket is wanted at all (false while the pool has taken the slot back). */
    wanted: () => boolean;
    /** Gets a current token and connects. */
    connect: () => void;
    backoff?: BackoffOptions;
    random?: () => number;
  },
): Reconnector {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const later = () => {
    cancel();
    const delay = backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF, options.random);
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      if (options.wanted()) options.connect();
    }, delay);
  };
  const onClose = (event: CloseEvent | null) => {
    if (!options.wanted()) return;
    if (event !== null && !shouldReconnect(event)) return;
    provider.shouldConnect = false;
    later();
  };
  provider.on('connection-close', onClose);
  return {
    now() {
      attempt = 0;
      if (timer === null || !options.wanted()) return;
      cancel();
      options.connect();
    },
    later,
    reset() {
      attempt = 0;
    },
    cancel,
    destroy() {
      cancel();
      provider.off('connection-close', onClose);
    },
  };
}
