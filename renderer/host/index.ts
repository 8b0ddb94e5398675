import type { Host } from '../../shared/host.ts';
import { memoryStore, type KeyValueStore } from '../auth/index.ts';
import { desktopHost } from './desktop-host.ts';
import { webHost } from './web-host.ts';
import { browserNotifications } from './web-notifications.ts';

export { desktopHost } from './desktop-host.ts';
export { registerOfflineShell } from './offline-shell.ts';
export { useNoteRequests } from './use-note-requests.ts';
export { ConfigProblem, webHost, type WebHostOptions, type WebLocation } from './web-host.ts';
export { browserNotifications, type WebNotifications } from './web-notifications.ts';

/** The app version baked in at build time (vite.renderer.config.ts). */
const VERSION: string = import.meta.env['VITE_APP_VERSION'] ?? '0.0.0-dev';

function localStore(win: Window): KeyValueStore {
  try {
    return win.localStorage;
  } catch {
    return memoryStore();
  }
}

function sessionStore(win: Window): KeyValueStore {
  try {
    return win.sessionStorage;
  } catch {
    return memoryStore(); // storage disabled: the session lasts as long as the page
  }
}

/**
 * The host this renderer runs in: the preload's bridge in the desktop app,
 * otherwise the web host. The rest of the renderer only sees `Host`.
 */
export function resolveHost(win: Window = window): Host {
  return (
    desktopHost(win) ??
    webHost({
      origin: win.location.origin,
      fetch: win.fetch.bind(win),
      version: VERSION,
      storage: sessionStore(win),
      cache: localStore(win),
      network: {
        onLine: () => win.navigator.onLine,
        onOnline: (listener) => {
          win.addEventListener('online', listener);
          return () => {
            win.removeEventListener('online', listener);
          };
        },
      },
      notifications: browserNotifications(win),
      location: {
        href: () => win.location.href,
        assign: (url) => {
          win.location.assign(url);
        },
        replace: (url) => {
          win.history.replaceState(null, '', url);
        },
      },
    })
  );
}
