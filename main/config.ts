import { DESKTOP_APP_ORIGIN } from '../shared/wire.ts';
// Names and defaults of the desktop app, in one place so that the protocol
// handler, the security module, the IPC sender check and the window all agree
// on what "our own origin" is.

/** The privileged custom scheme that serves the built renderer (Electron security checklist #18). */
export const APP_SCHEME = 'app';
/** The one host of that scheme; anything else is refused by the protocol handler. */
export const APP_HOST = 'commonplace';
/** Origin of the production renderer: `app://commonplace` (the relay admits it, see shared/wire.ts). */
// The annotation makes a mismatch with the shared constant a compile error.
export const APP_ORIGIN: typeof DESKTOP_APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Entry page of the production renderer. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The OS-level deep-link scheme: `commonplace://note/<spaceId>/<docId>`. */
export const DEEP_LINK_SCHEME = 'commonplace';

/** The relay `npm start` runs on its embedded defaults (`node relay/cli.ts`, port 4444). */
export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:4444';

/** Environment variables main reads, named once (documented in main/README.md). */
export const ENV = {
  /** WebSocket base URL of the relay, e.g. `wss://relay.example.com`. */
  relayUrl: 'COMMONPLACE_RELAY_URL',
  /** Development only: the Vite dev server to load instead of `app://commonplace/`. */
  rendererUrl: 'COMMONPLACE_RENDERER_URL',
  /**
   * Required. The company's OpenID Connect issuer, e.g.
   * `https://login.microsoftonline.com/<tenant>/v2.0`; `npm start` sets it to
   * the relay's embedded development IdP. `https:` only, except on loopback.
   */
  issuer: 'COMMONPLACE_ISSUER',
  /** The public client id registered at the IdP for the desktop app; default {@link DEFAULT_CLIENT_ID}. */
  clientId: 'COMMONPLACE_CLIENT_ID',
  /** The relay's audience (the access token's `aud`); default {@link DEFAULT_AUDIENCE}. */
  audience: 'COMMONPLACE_AUDIENCE',
  /** Extra scopes to request, space-separated (Entra ID v2: `api://<relay app id>/Notes.ReadWrite`). */
  scope: 'COMMONPLACE_SCOPE',
  /** `false`: do not send the audience as an RFC 8707 `resource` (Entra ID v2 rejects it). Default `true`. */
  resourceIndicator: 'COMMONPLACE_RESOURCE_INDICATOR',
  /** The claim that identifies a person: `email` (default), `preferred_username` or `upn`; the others follow. */
  identityClaim: 'COMMONPLACE_IDENTITY_CLAIM',
  /** Comma-separated domains whose people may sign in (the relay's `--allowed-domains` too). */
  allowedDomains: 'COMMONPLACE_ALLOWED_DOMAINS',
} as const;

/** Client id of the desktop app: a public native client (RFC 8252), no secret. */
export const DEFAULT_CLIENT_ID = 'commonplace-desktop';

/**
 * The relay's audience when none is configured. Duplicates `DEFAULT_AUDIENCE`
 * of idp/dev-idp.ts on purpose: main must not import the development IdP
 * (it would bundle oidc-provider into the app); main/auth/identity-config.test.ts
 * checks that the two agree.
 */
export const DEFAULT_AUDIENCE = 'urn:commonplace:relay';

/**
 * Hosts whose `https:` links may be handed to the system browser
 * (checklist #15). A host matches itself and its subdomains. Sign-in
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
