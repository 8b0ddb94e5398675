import type { WebsocketProvider } from 'y-websocket';
import { createRelayRotation, type RelayRotation } from '../../shared/relay-rotation.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { shouldReconnect } from './relay-auth.ts';

/**
 * Takes reconnecting over from y-websocket, whose retry delay has no jitter
 * (see backoff.ts). On an unexpected close we set `provider.shouldConnect`
 * to false *before* y-websocket schedules its own retry (its
 * `connection-close` event is emitted first), which turns that retry into a
 * no-op, move the provider to the next relay URL (shared/relay-rotation.ts:
 * with several relay nodes, a dead one is left for the next) and schedule
 * ours after the rotation's back-off. Fatal closes and 4401 are left to
 * y-websocket's `closed` event and the registry: they would fail on any node.
 */
export interface Reconnector {
  /** Retry now (the network came back); resets the back-off. */
  now(): void;
  /** Schedules the next attempt with the back-off (no socket could even be tried). */
  later(): void;
  /** A sync completed: stay on this relay; the next failure starts the back-off afresh. */
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
    /**
     * Relay URLs to rotate through on failure, the provider's own first;
     * the provider's URL alone when absent.
     */
    relayUrls?: readonly string[];
    /** Told the relay URL each time a connection syncs (new documents start there). */
    onWorking?: (url: string) => void;
  },
): Reconnector {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const rotation: RelayRotation = createRelayRotation(options.relayUrls ?? [provider.serverUrl], {
    backoff,
    ...(options.random ? { random: options.random } : {}),
  });
  provider.serverUrl = rotation.current();
  /** Attempts that could not even open a socket (no token): no reason to change relay. */
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (delay: number) => {
    cancel();
    timer = setTimeout(() => {
      timer = null;
      if (options.wanted()) options.connect();
    }, delay);
  };
  const later = () => {
    schedule(backoffDelay(attempt, backoff, options.random));
    attempt += 1;
  };
  const onClose = (event: CloseEvent | null) => {
    if (!options.wanted()) return;
    if (event !== null && !shouldReconnect(event)) return;
    provider.shouldConnect = false;
    const next = rotation.failed();
    provider.serverUrl = next.url;
    schedule(next.delayMs);
  };
  provider.on('connection-close', onClose);
  return {
    now() {
      attempt = 0;
      rotation.resetBackoff();
      if (timer === null || !options.wanted()) return;
      cancel();
      options.connect();
    },
    later,
    reset() {
      attempt = 0;
      rotation.succeeded();
      options.onWorking?.(rotation.current());
    },
    cancel,
    destroy() {
      cancel();
      provider.off('connection-close', onClose);
    },
  };
}
