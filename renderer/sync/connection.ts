import type { Connection } from '../store/index.ts';

/** What a WebsocketProvider reports, reduced to the events that move the indicator. */
export type ProviderSignal = 'connecting' | 'connected' | 'closed';

/**
 * Next indicator state. y-websocket reports `connecting` before every retry
 * and emits no `disconnected` for a socket that never opened, so a closed
 * socket means offline and a retry after that stays offline until a socket
 * actually opens; only the very first attempt shows "connecting".
 */
export function nextConnection(prev: Connection, signal: ProviderSignal): Connection {
  switch (signal) {
    case 'connected':
      return 'online';
    case 'closed':
      return 'offline';
    case 'connecting':
      return prev === 'offline' ? 'offline' : 'connecting';
  }
}
