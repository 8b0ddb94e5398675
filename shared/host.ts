import { z } from 'zod';

/**
 * What the renderer needs from whatever hosts it. In the desktop app the
 * preload provides it over IPC; in a browser the web host provides it. The
 * renderer never learns which (handbook §1).
 */

export const AppInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  /** Where the renderer runs. For display and diagnostics only, never for branching features. */
  platform: z.enum(['desktop', 'web']),
  /** WebSocket base URL of the relay, e.g. `ws://127.0.0.1:4444`. */
  relayUrl: z.url({ protocol: /^wss?$/ }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export interface Host {
  /** Name, version and the relay to talk to. */
  appInfo(): Promise<AppInfo>;
}

/**
 * `/config.json`, served by the web server beside the renderer (scripts/web-server.ts)
 * and read by the renderer's web host: where the relay is.
 */
export const WebConfigSchema = z.object({
  relayUrl: AppInfoSchema.shape.relayUrl,
});
export type WebConfig = z.infer<typeof WebConfigSchema>;
