// Names and defaults of the desktop app, in one place so that the protocol
// handler, the security module, the IPC sender check and the window all agree
// on what "our own origin" is.

/** The privileged custom scheme that serves the built renderer (Electron security checklist #18). */
export const APP_SCHEME = 'app';
/** The one host of that scheme; anything else is refused by the protocol handler. */
export const APP_HOST = 'commonplace';
/** Origin of the production renderer: `app://commonplace`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Entry page of the production renderer. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The OS-level deep-link scheme: `commonplace://note/<spaceId>/<docId>`. */
export const DEEP_LINK_SCHEME = 'commonplace';

/** The relay `npm start` runs on its embedded defaults (`node relay/cli.ts`, port 4444). */
export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:4444';

/** Environment variables main reads, named once. */
export const ENV = {
  /** WebSocket base URL of the relay, e.g. `wss://relay.example.com`. */
  relayUrl: 'COMMONPLACE_RELAY_URL',
  /** Development only: the Vite dev server to load instead of `app://commonplace/`. */
  rendererUrl: 'COMMONPLACE_RENDERER_URL',
} as const;

/**
 * Hosts whose `https:` links may be handed to the system browser
 * (checklist #15). A host matches itself and its subdomains. Sign-in (issue 3)
 * opens the identity provider through its own service with its own check; it
 * does not widen this list.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['github.com', 'electronjs.org'];

/**
 * Web permissions the renderer may be granted (checklist #5). Writing sanitized
 * text to the clipboard is all the editor needs; everything else (camera,
 * geolocation, notifications through the web API, ...) is denied. Desktop
 * notifications, when they come, are shown by main, not by the page.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);
