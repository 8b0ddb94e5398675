/**
 * Reconnect back-off with jitter. y-websocket's own back-off is
 * `min(2^n * 100 ms, maxBackoffTime)` with no jitter, so after a relay
 * restart every client of every note would come back in the same instants
 * (a thundering herd). The registry therefore takes reconnecting over
 * (reconnect.ts) and waits `backoffDelay` instead; the formula lives beside
 * the relay URL rotation in shared/relay-rotation.ts, which uses it per round.
 */
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from '../../shared/relay-rotation.ts';
