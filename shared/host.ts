import { z } from 'zod';
import type { AccessTokenResult, SessionState } from './auth.ts';
import type { NotifyRequest } from './mentions/notify.ts';
import { IdentityClaimSchema } from './person-identity.ts';
import { MAX_RELAY_URLS } from './relay-rotation.ts';
import type { PersonalSettingChange, SettingsView } from './policy.ts';

/**
 * What the renderer needs from whatever hosts it. In the desktop app the
 * preload provides it over IPC; in a browser the web host provides it. The
 * renderer never learns which, so the same UI runs in both.
 */

export const AppInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  /** Where the renderer runs. For display and diagnostics only, never for branching features. */
  platform: z.enum(['desktop', 'web']),
  /** WebSocket base URL of the relay, e.g. `ws://127.0.0.1:4444`. */
  relayUrl: z.url({ protocol: /^wss?$/ }),
  /**
   * Several relay nodes (or load balancers) to rotate through when one fails
   * (shared/relay-rotation.ts), in this order starting from `relayUrl`
   * (`relayUrlsOf`); `relayUrl` alone when absent.
   */
  relayUrls: z
    .array(z.url({ protocol: /^wss?$/ }))
    .min(1)
    .max(MAX_RELAY_URLS)
    .optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * The relay URLs to rotate through, `relayUrl` first: `relayUrls` in their
 * order starting from `relayUrl` (which is put in front when not listed),
 * or `relayUrl` alone.
 */
export function relayUrlsOf(info: Pick<AppInfo, 'relayUrl' | 'relayUrls'>): string[] {
  const listed = info.relayUrls ?? [];
  const at = listed.indexOf(info.relayUrl);
  if (at === -1) return [info.relayUrl, ...listed];
  return [...listed.slice(at), ...listed.slice(0, at)];
}

// RFC 6749 §3.3: scope tokens are printable ASCII except space, `"` and `\`, separated by one space.
const SCOPE_TOKEN = String.raw`[\x21\x23-\x5B\x5D-\x7E]+`;
const ScopeListSchema = z
  .string()
  .max(1000)
  .regex(new RegExp(`^${SCOPE_TOKEN}( ${SCOPE_TOKEN})*$`), 'space-separated OAuth scopes');

/**
 * Where to sign in. The renderer needs it only in a browser (the web host runs
 * the redirect flow itself); in the desktop app main runs the flow.
 */
export const IdentityConfigSchema = z.object({
  /** OpenID Connect issuer URL (discovery at `/.well-known/openid-configuration`). */
  issuer: z.url({ protocol: /^https?$/ }),
  /** The public client id registered for this surface (PKCE, no secret). */
  clientId: z.string().min(1).max(200),
  /** The relay's audience (the access token's `aud`), e.g. `urn:commonplace:relay`. */
  audience: z.string().min(1).max(500),
  /**
   * Scopes requested besides {@link BASE_SCOPES}, space-separated. IdPs that
   * choose the token's audience by scope rather than by RFC 8707 resource
   * (Microsoft Entra ID v2: `api://<relay app id>/Notes.ReadWrite`) need it.
   */
  scope: ScopeListSchema.optional(),
  /**
   * Whether the audience is sent as an RFC 8707 `resource` parameter (default
   * true). Entra ID v2 rejects that parameter (AADSTS901002), so it is turned
   * off there and `scope` names the relay instead.
   */
  resourceIndicator: z.boolean().optional(),
  /** The claim that identifies a person, tried before the others (shared/person-identity.ts). */
  identityClaim: IdentityClaimSchema.optional(),
  /** Domains whose people may sign in; any when absent. The relay enforces the same list. */
  allowedDomains: z.array(z.string().min(1).max(253)).max(100).optional(),
});
export type IdentityConfig = z.infer<typeof IdentityConfigSchema>;

/** Scopes every sign-in asks for: an ID token with the profile, and a refresh token. */
export const BASE_SCOPES = 'openid profile email offline_access';

/** The `scope` parameter of the authorization request: the base scopes plus the configured ones, once each. */
export function requestedScope(config: Pick<IdentityConfig, 'scope'>): string {
  const extra = config.scope?.split(' ') ?? [];
  return [...new Set([...BASE_SCOPES.split(' '), ...extra])].join(' ');
}

/** The RFC 8707 `resource` to send, or undefined when the IdP must not receive one. */
export function resourceIndicator(
  config: Pick<IdentityConfig, 'audience' | 'resourceIndicator'>,
): string | undefined {
  return config.resourceIndicator === false ? undefined : config.audience;
}

/**
 * How this host keeps the person's notes, search index and outbox on this
 * device, so the renderer can act on the capability without learning which
 * host it runs in:
 * - `encrypted`: an AES-256 key (base64 of 32 bytes) the host keeps under the
 *   operating system's key store; everything written to IndexedDB is
 *   encrypted with it (renderer/sync/local-crypto.ts);
 * - `plain`: the host cannot keep a key from the page (a browser), so storage
 *   is what the browser offers, unencrypted; the UI says so. With `fallback`,
 *   the host could encrypt but the OS offers no key store now (reasons as for
 *   `refused`) and the administrator's `localDataEncryption: preferred`
 *   allows plain storage; the UI says that too;
 * - `refused`: the host could encrypt but the OS offers no key store now
 *   (`no-encryption`; `no-keyring`: Linux without GNOME Keyring or KWallet),
 *   so nothing is stored on this device and notes live in memory only.
 */
export const LocalDataProtectionSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('encrypted'),
    key: z.base64().length(44, 'a 256-bit key in base64'),
  }),
  z.object({
    status: z.literal('plain'),
    fallback: z.enum(['no-encryption', 'no-keyring']).optional(),
  }),
  z.object({ status: z.literal('refused'), reason: z.enum(['no-encryption', 'no-keyring']) }),
]);
export type LocalDataProtection = z.infer<typeof LocalDataProtectionSchema>;

/** Who the key is for: the person's `sub` (one key per person on a shared machine). */
export const LocalDataOwnerSchema = z.string().min(1).max(500);

/** A note to open: what a notification or a deep link points at. */
export type NoteTarget = NotifyRequest['target'];

export interface Host {
  /** Name, version and the relay to talk to. */
  appInfo(): Promise<AppInfo>;
  /** The current session; never carries a token. */
  session(): Promise<SessionState>;
  /**
   * Starts sign-in with the company's IdP (system browser on desktop, a
   * redirect in the web client) and resolves with the resulting state. In a
   * browser the page navigates away, so the promise may never settle.
   */
  signIn(): Promise<SessionState>;
  /** Revokes the refresh token where possible and wipes every stored token. */
  signOut(): Promise<SessionState>;
  /**
   * A current access token for the relay (refreshed first when close to
   * expiry), or null when signed out. `forceRefresh` after the relay closed a
   * socket with 4401. The refresh token itself never reaches the renderer.
   */
  accessToken(options?: { forceRefresh?: boolean }): Promise<AccessTokenResult | null>;
  /** Calls `listener` on every session change; returns the unsubscribe function. */
  onSessionChange(listener: (state: SessionState) => void): () => void;
  /**
   * Shows a native notification (plain text, never a token) that opens
   * `target` when clicked (mentions). Resolves once handed
   * to the OS, or without showing anything when notifications are off.
   */
  notify(request: NotifyRequest): Promise<void>;
  /**
   * Calls `listener` when the host asks to open a note (a clicked
   * notification, a deep link); returns the unsubscribe function.
   */
  onOpenNote(listener: (target: NoteTarget) => void): () => void;
  /**
   * The note the host was asked to open before anyone listened (the app was
   * launched by a deep link, or signed out when it arrived), or null. Taking
   * it clears it; call it when the workspace mounts. The web host answers
   * null: its address bar (`?space=&note=`) carries the link itself.
   */
  takePendingNote(): Promise<NoteTarget | null>;
  /**
   * Every setting and which ones the organisation enforces. Only the desktop
   * app has managed settings; the web host leaves this out.
   */
  settings?(): Promise<SettingsView>;
  /** Changes one of the person's own settings; refused for an enforced one. */
  changeSetting?(change: PersonalSettingChange): Promise<SettingsView>;
  /** Calls `listener` when an update has downloaded (desktop only); returns the unsubscribe function. */
  onUpdateReady?(listener: (update: { version: string }) => void): () => void;
  /** Quits and installs a downloaded update; resolves false when none is ready. */
  restartToUpdate?(): Promise<boolean>;
  /**
   * Shows the inbox's unread count on the dock or tray (desktop only; 0
   * clears it). The web host leaves this out.
   */
  setBadge?(count: number): Promise<void>;
  /**
   * How `owner`'s local data is protected on this device, with the key when
   * it is encrypted (created on first use). The web host answers `plain`.
   */
  localDataProtection(owner: string): Promise<LocalDataProtection>;
  /**
   * Erases every local-data key this host keeps (the wipe of this machine's
   * copy): whatever ciphertext survives the wipe cannot be read any more.
   */
  eraseLocalDataKeys(): Promise<void>;
  /** Whether `notify` can show anything now (the desktop app: always 'granted'; the OS decides). */
  notificationPermission(): NotificationAccess;
  /**
   * Asks the person to allow notifications (a browser prompt). Call it only
   * from a click: browsers ignore permission requests without a user gesture.
   */
  requestNotificationPermission(): Promise<NotificationAccess>;
}

/** What the person allowed for notifications; 'unsupported' where there are none. */
export type NotificationAccess = 'granted' | 'denied' | 'default' | 'unsupported';

/**
 * `/config.json`, served by the web server beside the renderer (scripts/web-server.ts)
 * and read by the renderer's web host: where the relay and the IdP are.
 */
export const WebConfigSchema = z.object({
  relayUrl: AppInfoSchema.shape.relayUrl,
  relayUrls: AppInfoSchema.shape.relayUrls,
  /** The IdP for the browser's own redirect sign-in (client `commonplace-web`). */
  identity: IdentityConfigSchema,
});
export type WebConfig = z.infer<typeof WebConfigSchema>;
