import { APP_ENTRY_URL, APP_ORIGIN, ENV } from './config.ts';
import { originOf } from './origin.ts';

/** Where the window loads the renderer from, and the origin IPC and navigation trust. */
export interface RendererLocation {
  readonly url: string;
  readonly origin: string;
  /** True when loading a Vite dev server instead of the built files. */
  readonly dev: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Production: `app://commonplace/index.html` (checklist #18, no `file://`).
 * Development: `COMMONPLACE_RENDERER_URL`, accepted only for an http(s) URL on
 * loopback, so that an environment variable can never point the privileged
 * window (it has the preload) at a remote site.
 */
export function resolveRendererLocation(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly packaged: boolean },
): RendererLocation {
  const raw = env[ENV.rendererUrl];
  // A packaged app always loads its own files: the variable is a development
  // aid, not a way for anything on the machine to swap the app's UI.
  if (options.packaged || raw === undefined || raw.trim() === '') {
    return { url: APP_ENTRY_URL, origin: APP_ORIGIN, dev: false };
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`${ENV.rendererUrl} is not a URL: ${JSON.stringify(raw)}`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    !LOOPBACK_HOSTS.has(url.hostname)
  ) {
    throw new Error(
      `${ENV.rendererUrl} must be an http(s) URL on localhost or 127.0.0.1, got ${JSON.stringify(raw)}`,
    );
  }
  const origin = originOf(url.href);
  if (origin === null) throw new Error(`${ENV.rendererUrl} has no origin: ${JSON.stringify(raw)}`);
  return { url: url.href, origin, dev: true };
}
