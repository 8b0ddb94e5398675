import { CloseCode } from '../../shared/wire.ts';
import type { AppStore } from '../store/index.ts';
import { nextConnection, type ProviderSignal } from './connection.ts';
import type { DocHandle } from './doc-registry-api.ts';
import { derivePeers, samePeers } from './peers.ts';
import { MAX_UNAUTHORIZED_RETRIES, type RelayCredentials } from './relay-auth.ts';

export interface RoomStatusHooks {
  readonly credentials: RelayCredentials | undefined;
  /** 4401: refresh the token and reconnect. */
  readonly reconnectWithFreshToken: () => void;
  /** The relay's sync completed. */
  readonly onSynced: () => void;
  /** Returns true when the close was handled (reconnecting), so it is not a refusal. */
  readonly onMalformed: (reason: string) => boolean;
  /** The relay closed the room for good. */
  readonly onRefused: (code: number, reason: string) => void;
}

/**
 * Pushes one provider's events into the store: connection, sync state, the
 * relay's refusals, the people present. Returns the function that detaches.
 */
export function attachRoomStatus(
  handle: DocHandle,
  store: AppStore,
  hooks: RoomStatusHooks,
): () => void {
  const { key, provider, doc } = handle;
  const { awareness } = provider;
  const patch = store.getState().patchRoom;
  let unauthorizedInARow = 0;

  const signal = (s: ProviderSignal): void => {
    const prev = store.getState().rooms[key]?.connection ?? 'connecting';
    const connection = nextConnection(prev, s);
    if (connection !== prev) patch(key, { connection });
  };
  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    signal(status === 'disconnected' ? 'closed' : status);
  };
  const onClose = () => {
    signal('closed');
  };
  const onClosed = (event: { code: number; reason: string }) => {
    // 4401: the token expired or was refused; refresh it and reconnect,
    // but not forever.
    if (
      event.code === CloseCode.Unauthorized &&
      hooks.credentials &&
      unauthorizedInARow < MAX_UNAUTHORIZED_RETRIES
    ) {
      unauthorizedInARow += 1;
      hooks.reconnectWithFreshToken();
      return;
    }
    if (event.code === CloseCode.MalformedMessage && hooks.onMalformed(event.reason)) return;
    patch(key, { closed: { code: event.code, reason: event.reason } });
    hooks.onRefused(event.code, event.reason);
  };
  const onSync = (synced: boolean) => {
    if (synced) unauthorizedInARow = 0;
    patch(key, synced ? { synced, firstSyncDone: true, closed: null } : { synced });
    if (synced) hooks.onSynced();
  };
  const onAwareness = () => {
    const peers = derivePeers(awareness.getStates(), doc.clientID);
    const prev = store.getState().rooms[key]?.peers ?? [];
    if (!samePeers(prev, peers)) patch(key, { peers });
  };

  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  provider.on('closed', onClosed);
  provider.on('sync', onSync);
  awareness.on('change', onAwareness);
  onAwareness();
  return () => {
    provider.off('status', onStatus);
    provider.off('connection-close', onClose);
    provider.off('closed', onClosed);
    provider.off('sync', onSync);
    awareness.off('change', onAwareness);
  };
}
