// The one place where main restricts what web content may do. Each rule cites
// the Electron security checklist item it implements:
// https://www.electronjs.org/docs/latest/tutorial/security
// Window-level settings (sandbox, isolation, ...) are in window.ts; the CSP
// header is built here and sent by the protocol handler (protocol.ts).
import { hasTrustedOrigin, originOf } from './origin.ts';

/** An Electron event that can be cancelled. */
export interface PreventableLike {
  preventDefault(): void;
}

/** Electron's navigation events carry the target URL on the event (Electron ≥ 25). */
export interface NavigationEventLike extends PreventableLike {
  readonly url: string;
}

/** The part of Electron's `WebContents` the rules attach to. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEventLike) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export interface AppLike {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: WebContentsLike) => void,
  ): unknown;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export interface SecurityOptions {
  /** Origins our own pages load from (app://commonplace; the dev server in development). */
  readonly trustedOrigins: ReadonlySet<string>;
  /** Hosts (and their subdomains) whose https: links go to the system browser. */
  readonly externalHosts: readonly string[];
  /** Web permissions granted to trusted origins; all others are denied. */
  readonly allowedPermissions: ReadonlySet<string>;
  readonly log?: (message: string) => void;
}

/**
 * True only for an `https:` URL without credentials whose host is on the
 * allow-list or below it (#15 "Do not use shell.openExternal with untrusted
 * content"): no `file:`, `smb:`, custom schemes or `javascript:` reach the OS.
 */
export function isAllowedExternalUrl(raw: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** True when a permission is on the allow-list and asked for by one of our own origins (#5). */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  options: Pick<SecurityOptions, 'allowedPermissions' | 'trustedOrigins'>,
): boolean {
  if (!options.allowedPermissions.has(permission)) return false;
  return requestingUrl !== undefined && hasTrustedOrigin(requestingUrl, options.trustedOrigins);
}

/** Hands a link to the system browser if, and only if, it passes `isAllowedExternalUrl`. */
export function openExternalSafely(
  shell: ShellLike,
  url: string,
  options: Pick<SecurityOptions, 'externalHosts' | 'log'>,
): boolean {
  const log = options.log ?? defaultLog;
  if (!isAllowedExternalUrl(url, options.externalHosts)) {
    log(
      `security: refused to open ${describeUrl(url)} externally (not an allow-listed https: link)`,
    );
    return false;
  }
  shell.openExternal(url).catch((error: unknown) => {
    log(`security: opening ${describeUrl(url)} failed: ${String(error)}`);
  });
  return true;
}

/** Attaches every rule to the app and the session. Call before the first window opens. */
export function applySecurity(
  app: AppLike,
  session: SessionLike,
  shell: ShellLike,
  options: SecurityOptions,
): void {
  const log = options.log ?? defaultLog;

  app.on('web-contents-created', (_event, contents) => {
    const blockNavigation = (event: NavigationEventLike): void => {
      // #13 Disable or limit navigation: a single-page app never navigates
      // away from its own origin; anything else (a link, a redirect, a
      // compromised page) is cancelled.
      if (hasTrustedOrigin(event.url, options.trustedOrigins)) return;
      event.preventDefault();
      log(`security: blocked navigation to ${describeUrl(event.url)}`);
    };
    contents.on('will-navigate', blockNavigation); // #13
    contents.on('will-frame-navigate', blockNavigation); // #13 (subframes too)
    contents.on('will-redirect', blockNavigation); // #13 (server redirects too)
    contents.on('will-attach-webview', (event) => {
      event.preventDefault(); // #12 Verify WebView options: none are ever created
      log('security: blocked a <webview>');
    });
    contents.setWindowOpenHandler(({ url }) => {
      // #14 Disable or limit creation of new windows: never a new Electron
      // window; an allow-listed https: link goes to the system browser (#15).
      openExternalSafely(shell, url, { externalHosts: options.externalHosts, log });
      return { action: 'deny' };
    });
  });

  // #5 Handle session permission requests from remote content: deny all but
  // the allow-list, and only for our own origins.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionAllowed(permission, details.requestingUrl, options);
    if (!granted) log(`security: denied permission ${JSON.stringify(permission)}`);
    callback(granted);
  });
  // #5 (synchronous checks, e.g. navigator.permissions.query, must agree).
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, options),
  );
}

/** The Content-Security-Policy of our pages (#7 Define a Content Security Policy). */
export function contentSecurityPolicy(relayUrl: string): string {
  const relay = originOf(relayUrl);
  if (relay === null) throw new Error(`relay URL has no origin: ${JSON.stringify(relayUrl)}`);
  // The relay's REST API is served on the same port over http(s).
  const relayHttp = relay.replace(/^ws/, 'http');
  return [
    "default-src 'none'",
    "script-src 'self'", // no inline or eval'd script
    // The same policy as the web client (scripts/web-server.ts): the renderer
    // sets dynamic styles through the CSSOM, which CSP allows.
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${relay} ${relayHttp}`, // the relay's WebSocket and HTTP API only
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function defaultLog(message: string): void {
  console.warn(message);
}

/** A URL as it may appear in logs: origin and path only, never the query (tokens). */
function describeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'data:' || url.protocol === 'javascript:') return `${url.protocol} URL`;
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}
