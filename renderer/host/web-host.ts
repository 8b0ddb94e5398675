import type { SessionState } from '../../shared/auth.ts';
import {
  AppInfoSchema,
  WebConfigSchema,
  type Host,
  type NoteTarget,
  type WebConfig,
} from '../../shared/host.ts';
import { NotifyRequestSchema } from '../../shared/mentions/index.ts';
import {
  createOidcClient,
  createWebSession,
  type KeyValueStore,
  type WebSession,
} from '../auth/index.ts';
import { sessionMessages } from '../auth/session-messages.ts';
import type { WebNotifications } from './web-notifications.ts';

/** The parts of `window.location` and `history` the web host uses (injected for tests). */
export interface WebLocation {
  /** The current URL. */
  href(): string;
  /** Leaves the page (to the IdP). */
  assign(url: string): void;
  /** Replaces the current history entry without reloading (cleans the callback URL). */
  replace(url: string): void;
}

export interface WebHostOptions {
  /** Origin the page was served from; `/config.json` is fetched from it. */
  readonly origin: string;
  readonly fetch: typeof fetch;
  readonly version: string;
  /** sessionStorage (never localStorage: tokens must not outlive the tab). */
  readonly storage: KeyValueStore;
  readonly location: WebLocation;
  /** localStorage: the last `/config.json` (no secrets), so the app starts offline. */
  readonly cache?: KeyValueStore;
  /** The browser's network status (refresh waits for it). */
  readonly network?: { onLine(): boolean; onOnline(listener: () => void): () => void };
  /** The browser's Notification API (web-notifications.ts); none: notify shows nothing. */
  readonly notifications?: WebNotifications;
}

const CONFIG_CACHE_KEY = 'commonplace.config.v1';

/**
 * The web server's `/config.json` could not be used. `kind` is what the app
 * tells people in their language; `details` (an HTTP status, the schema's
 * findings) is for whoever runs the server, and stays as it is.
 */
export class ConfigProblem extends Error {
  readonly kind: 'unavailable' | 'invalid';
  readonly details: string;

  constructor(kind: 'unavailable' | 'invalid', message: string, details: string) {
    super(message);
    this.name = 'ConfigProblem';
    this.kind = kind;
    this.details = details;
  }
}

/**
 * The host in a plain browser. The web server that served the renderer also
 * serves `/config.json` (relay and IdP, shared/host.ts), so the same build
 * works against any deployment; sign-in is the browser's own redirect flow
 * (renderer/auth). The registered redirect URI is the app's root URL.
 */
export function webHost(options: WebHostOptions): Host {
  let config: Promise<WebConfig> | null = null;
  let session: Promise<WebSession> | null = null;
  const listeners = new Set<(state: SessionState) => void>();
  const openListeners = new Set<(target: NoteTarget) => void>();

  const load = async (): Promise<WebConfig> => {
    const url = new URL('/config.json', options.origin);
    const response = await options.fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) {
      throw new ConfigProblem(
        'unavailable',
        `Could not load ${url.pathname}: HTTP ${response.status}`,
        `HTTP ${response.status}`,
      );
    }
    const parsed = WebConfigSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      const details = parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      throw new ConfigProblem('invalid', `${url.pathname} is invalid: ${details}`, details);
    }
    return parsed.data;
  };
  const cached = (): WebConfig | null => {
    try {
      const raw = options.cache?.getItem(CONFIG_CACHE_KEY) ?? null;
      const parsed = raw === null ? null : WebConfigSchema.safeParse(JSON.parse(raw));
      return parsed?.success === true ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const loadConfig = (): Promise<WebConfig> => {
    // Retry after a failure; cache a success. Offline, the last good config
    // lets the app open to the local store.
    config ??= load()
      .then((fresh) => {
        try {
          options.cache?.setItem(CONFIG_CACHE_KEY, JSON.stringify(fresh));
        } catch {
          // not cached: only offline start-up is affected
        }
        return fresh;
      })
      .catch((error: unknown) => {
        config = null;
        const last = cached();
        if (last !== null) return last;
        throw error;
      });
    return config;
  };

  const start = async (): Promise<WebSession> => {
    const { identity } = await loadConfig();
    const web = createWebSession({
      oidc: createOidcClient({ identity, redirectUri: new URL('/', options.origin).href }),
      storage: options.storage,
      navigate: (url) => {
        options.location.assign(url);
      },
      messages: sessionMessages,
      ...(options.network ? { network: options.network } : {}),
    });
    web.onChange((state) => {
      for (const listener of [...listeners]) listener(state);
    });
    // Back from the IdP: finish the sign-in, then take code and state out of
    // the address bar (and history) at once.
    const shown = await web.handleRedirect(new URL(options.location.href()));
    if (shown !== null) options.location.replace(shown);
    return web;
  };
  const ready = (): Promise<WebSession> => {
    session ??= start().catch((error: unknown) => {
      session = null;
      throw error;
    });
    return session;
  };

  const here = (): string => {
    const url = new URL(options.location.href());
    return `${url.pathname}${url.search}`;
  };

  return {
    appInfo: async () => {
      const { relayUrl, relayUrls } = await loadConfig();
      return AppInfoSchema.parse({
        name: 'Commonplace',
        version: options.version,
        platform: 'web',
        relayUrl,
        ...(relayUrls === undefined ? {} : { relayUrls }),
      });
    },
    session: async () => (await ready()).state(),
    signIn: async () => (await ready()).signIn(here()),
    signOut: async () => (await ready()).signOut(),
    accessToken: async (opts) => (await ready()).accessToken(opts),
    onSessionChange: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify: async (request) => {
      const { title, body, target } = NotifyRequestSchema.parse(request);
      const api = options.notifications;
      if (api?.permission() !== 'granted') return;
      // A click brings this tab forward and opens the note through the app's router.
      api.show(title, body, () => {
        for (const listener of [...openListeners]) listener(target);
      });
      await Promise.resolve();
    },
    onOpenNote: (listener) => {
      openListeners.add(listener);
      return () => {
        openListeners.delete(listener);
      };
    },
    // The address bar carries a link (`?space=&note=`), read at boot; a
    // notification is shown only while the workspace listens.
    takePendingNote: () => Promise.resolve(null),
    // A page cannot keep a key out of reach of its own storage: anything it
    // could store the key in sits beside the data. So the browser's storage
    // stays as the browser keeps it, and the UI says it is not encrypted.
    localDataProtection: () => Promise.resolve({ status: 'plain' as const }),
    eraseLocalDataKeys: () => Promise.resolve(),
    notificationPermission: () => options.notifications?.permission() ?? 'unsupported',
    requestNotificationPermission: () =>
      options.notifications?.requestPermission() ?? Promise.resolve('unsupported'),
  };
}
