import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/wire.ts';
import type { DocHandle, DocRegistry } from '../sync/index.ts';

/** How often the list is re-read while no connection can carry the relay's word (no note open). */
export const SPACES_POLL_MS = 1500;

export interface SpacesPushOptions {
  readonly registry: Pick<DocRegistry, 'observeDocs' | 'activeSockets'>;
  /** Re-reads the person's spaces. */
  readonly onChange: () => void;
  readonly win: Pick<Window, 'setInterval' | 'clearInterval' | 'navigator' | 'document'>;
  readonly pollMs?: number;
}

function subscribe(provider: WebsocketProvider): void {
  const ws = provider.ws;
  if (!provider.wsconnected || ws?.readyState !== 1) return;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SpacesChanged);
  ws.send(encoding.toUint8Array(encoder));
}

/**
 * Hears of changes to the person's spaces (an invitation, a role change, a
 * removal) as they happen: every relay connection the app holds asks the
 * relay for `SpacesChanged` (shared/wire.ts), and the relay sends it on
 * each of them when a membership of this person changes. While the app
 * holds no connection (Home with no note open), a short poll stands in, so
 * the word still arrives within seconds. Returns the function that stops.
 */
export function watchSpacesPush(options: SpacesPushOptions): () => void {
  const { registry, onChange, win } = options;
  const cleanups = new Set<() => void>();
  const install = (handle: DocHandle) => {
    const { provider } = handle;
    provider.messageHandlers[MessageType.SpacesChanged] = () => {
      onChange();
    };
    // Again after every reconnect: the subscription lives with the socket.
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') subscribe(provider);
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
    if (registry.activeSockets().length === 0) onChange();
  }, options.pollMs ?? SPACES_POLL_MS);
  return () => {
    stopObserving();
    win.clearInterval(timer);
    for (const cleanup of [...cleanups]) cleanup();
  };
}
