import type { Host } from '../../shared/host.ts';
import { desktopHost } from './desktop-host.ts';
import { webHost } from './web-host.ts';

export { desktopHost } from './desktop-host.ts';
export { webHost, type WebHostOptions } from './web-host.ts';

/** The app version baked in at build time (vite.renderer.config.ts). */
const VERSION: string = import.meta.env['VITE_APP_VERSION'] ?? '0.0.0-dev';

/**
 * The host this renderer runs in: the preload's bridge in the desktop app,
 * otherwise the web host. The rest of the renderer only sees `Host`.
 */
export function resolveHost(win: Window = window): Host {
  return (
    desktopHost(win) ??
    webHost({ origin: win.location.origin, fetch: win.fetch.bind(win), version: VERSION })
  );
}
