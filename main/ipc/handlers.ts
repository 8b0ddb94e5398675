import type { IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc.ts';
import { createAppInfo, type AppIdentity } from '../app-info.ts';

/**
 * One handler per contract channel, typed from `shared/ipc.ts`: adding a
 * channel to the contract without a handler here is a compile error, and so
 * is a handler for a channel the contract does not have (handbook §2.2).
 */
export type IpcHandlers = {
  readonly [C in IpcChannel]: (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
};

/**
 * What the handlers need from the rest of main. Services that arrive later
 * (issue 3: the OIDC sign-in service and the safeStorage token store) are
 * added here and constructed in `main/index.ts`, so the handlers stay plain
 * functions that tests call with fakes.
 */
export interface HandlerDeps {
  readonly app: AppIdentity;
  readonly relayUrl: string;
}

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    'app:info': () => createAppInfo(deps.app, deps.relayUrl),
  };
}
