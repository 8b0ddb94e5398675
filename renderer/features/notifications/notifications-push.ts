import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import {
  NotificationPushSchema,
  type NotificationPush,
} from '../../../shared/notifications-api.ts';
import { MessageType } from '../../../shared/wire.ts';
import type { DocHandle, DocRegistry } from '../../sync/index.ts';

/** How often the list is re-read while no connection can carry the relay's pushes (no note open). */
export const NOTIFICATIONS_POLL_MS = 5000;

export interface NotificationsPushOptions {
  readonly registry: Pick<DocRegistry, 'observeDocs' | 'activeSockets'>;
  readonly onPush: (push: NotificationPush) => void;
  /** Re-reads the list: after each (re)connect, pushes sent while away are not repeated. */
  readonly onResync: () => void;
  readonly win: Pick<Window, 'setInterval' | 'clearInterval' | 'navigator' | 'document'>;
  readonly pollMs?: number;
}

function subscribe(provider: WebsocketProvider): void {
  const ws = provider.ws;
  if (!provider.wsconnected || ws?.readyState !== 1) return;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Notification);
  ws.send(encoding.toUint8Array(encoder));
}

/**
 * Hears of the person's new notifications as the relay makes them: every
 * relay connection the app holds subscribes to `Notification` frames
 * (shared/wire.ts), from whichever relay node generated one. While the app
 * holds no connection, a poll stands in. A frame that does not parse is
 * dropped (a newer relay may send more than this app knows). Returns the
 * function that stops.
 */
export function watchNotificationsPush(options: NotificationsPushOptions): () => void {
  const { registry, win } = options;
  const cleanups = new Set<() => void>();
  const install = (handle: DocHandle) => {
    const { provider } = handle;
    provider.messageHandlers[MessageType.Notification] = (_encoder, decoder) => {
      try {
        options.onPush(NotificationPushSchema.parse(JSON.parse(decoding.readVarString(decoder))));
      } catch {
        // not a push this app understands
      }
    };
    // Again after every reconnect: the subscription lives with the socket.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      subscribe(provider);
      options.onResync();
    };
    provider.on('status', onStatus);
    subscribe(provider);
    const cleanup = () => {
      provider.off('status', onStatus);
      cleanups.delete(cleanup);
    };
    cleanups.add(cleanup);
    handle.doc.once('destroy', cleanup);
  };
  const stopObserving = registry.observeDocs(install);
  const timer = win.setInterval(() => {
    if (win.document.visibilityState === 'hidden' || !win.navigator.onLine) return;
    if (registry.activeSockets().length === 0) options.onResync();
  }, options.pollMs ?? NOTIFICATIONS_POLL_MS);
  return () => {
    stopObserving();
    win.clearInterval(timer);
    for (const cleanup of [...cleanups]) cleanup();
  };
}
