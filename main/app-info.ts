import { AppInfoSchema, type AppInfo } from '../shared/host.ts';
import { DEFAULT_RELAY_URL, ENV } from './config.ts';

/** The part of Electron's `app` that app info reads. */
export interface AppIdentity {
  getName(): string;
  getVersion(): string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The relay's WebSocket URL from `COMMONPLACE_RELAY_URL`, or the embedded
 * default. A malformed value stops start-up with a message naming the
 * variable, rather than a renderer that silently cannot connect.
 */
export function resolveRelayUrl(env: Env): string {
  const raw = env[ENV.relayUrl];
  if (raw === undefined || raw.trim() === '') return DEFAULT_RELAY_URL;
  const parsed = AppInfoSchema.shape.relayUrl.safeParse(raw.trim());
  if (!parsed.success) {
    throw new Error(`${ENV.relayUrl} must be a ws:// or wss:// URL, got ${JSON.stringify(raw)}`);
  }
  return parsed.data;
}

/** The `app:info` answer: name and version from Electron, the relay from the environment. */
export function createAppInfo(app: AppIdentity, relayUrl: string): AppInfo {
  return AppInfoSchema.parse({
    name: app.getName(),
    version: app.getVersion(),
    platform: 'desktop',
    relayUrl,
  });
}
