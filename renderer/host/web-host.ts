import { AppInfoSchema, WebConfigSchema, type Host } from '../../shared/host.ts';

export interface WebHostOptions {
  /** Origin the page was served from; `/config.json` is fetched from it. */
  readonly origin: string;
  readonly fetch: typeof fetch;
  readonly version: string;
}

/**
 * The host in a plain browser: the web server that served the renderer also
 * serves `/config.json` (`{ relayUrl }`, shared/host.ts), so the same build
 * works against any relay.
 */
export function webHost(options: WebHostOptions): Host {
  let info: Promise<ReturnType<typeof AppInfoSchema.parse>> | null = null;
  const load = async () => {
    const url = new URL('/config.json', options.origin);
    const response = await options.fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`Could not load ${url.pathname}: HTTP ${response.status}`);
    }
    const parsed = WebConfigSchema.safeParse(await response.json());
    if (!parsed.success) {
      throw new Error(
        `${url.pathname} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      );
    }
    return AppInfoSchema.parse({
      name: 'Commonplace',
      version: options.version,
      platform: 'web',
      relayUrl: parsed.data.relayUrl,
    });
  };
  return {
    appInfo: () => {
      // Retry after a failure; cache a success.
      info ??= load().catch((error: unknown) => {
        info = null;
        throw error;
      });
      return info;
    },
  };
}
