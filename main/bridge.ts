import type { Host } from '../shared/host.ts';
import { ipcContract, type IpcArgs, type IpcChannel } from '../shared/ipc.ts';

/** `ipcRenderer.invoke`, narrowed to contract channels. */
export type Invoke = <C extends IpcChannel>(channel: C, ...args: IpcArgs<C>) => Promise<unknown>;

/**
 * The Host the preload exposes: named functions only, never `ipcRenderer`
 * itself (checklist #20 "Do not expose Electron APIs to untrusted web
 * content"; VS Code's preload does the same). Results are parsed again here,
 * so the renderer receives exactly the contract's type even if main is wrong.
 */
export function createPreloadHost(invoke: Invoke): Host {
  return Object.freeze({
    appInfo: async () => ipcContract['app:info'].result.parse(await invoke('app:info')),
  });
}
