import { AppInfoSchema, type Host } from '../../shared/host.ts';
import { HOST_GLOBAL } from '../../shared/ipc.ts';

interface Bridge {
  appInfo: () => unknown;
}

function isBridge(value: unknown): value is Bridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { appInfo?: unknown }).appInfo === 'function'
  );
}

/**
 * The host the desktop preload exposes as `window[HOST_GLOBAL]`, or null in a
 * browser. Results are parsed again here: main validates what it sends, and
 * the renderer does not trust what it receives either.
 */
export function desktopHost(win: object): Host | null {
  const bridge: unknown = Reflect.get(win, HOST_GLOBAL);
  if (bridge === undefined) return null;
  if (!isBridge(bridge)) {
    throw new Error(`window.${HOST_GLOBAL} is present but is not a Commonplace host bridge`);
  }
  return {
    appInfo: async () => AppInfoSchema.parse(await bridge.appInfo()),
  };
}
