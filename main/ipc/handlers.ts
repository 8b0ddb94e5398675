import type { IpcArgs, IpcChannel, IpcResult } from '../../shared/ipc.ts';
import { createAppInfo, type AppIdentity } from '../app-info.ts';
import type { SignInService } from '../auth/sign-in-service.ts';
import type { LocalDataKeyService } from '../local-data-key.ts';
import type { Notify } from '../notifications.ts';
import type { PendingNote } from '../pending-note.ts';
import type { SettingsService } from '../settings-service.ts';
import { resolveSettings } from '../../shared/policy.ts';

/**
 * One handler per contract channel, typed from `shared/ipc.ts`: adding a
 * channel to the contract without a handler here is a compile error, and so
 * is a handler for a channel the contract does not have (handbook §2.2).
 */
export type IpcHandlers = {
  readonly [C in IpcChannel]: (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
};

/** The part of the sign-in service the renderer may reach, and no more. */
export type SessionService = Pick<
  SignInService,
  'getState' | 'signIn' | 'signOut' | 'getAccessToken'
>;

/**
 * What the handlers need from the rest of main, constructed in
 * `main/index.ts`, so the handlers stay plain functions that tests call with
 * fakes or with the real sign-in service against the development IdP.
 */
export interface HandlerDeps {
  readonly app: AppIdentity;
  readonly relayUrl: string;
  readonly signIn: SessionService;
  /** Native notifications (notifications.ts); without it `app:notify` shows nothing. */
  readonly notify?: Notify;
  /** The note a deep link or notification asked for before a page listened (pending-note.ts). */
  readonly pendingNote?: Pick<PendingNote, 'take'>;
  /** The update controller (updates/updater.ts); without it there is nothing to install. */
  readonly updates?: { restartToUpdate(): boolean };
  /** The dock or tray badge (badge.ts); without it the unread count shows nowhere. */
  readonly badge?: { set(count: number): void };
  /** Managed and personal settings; without it, built-in defaults and nothing to change. */
  readonly settings?: SettingsService;
  /** Keys of the local data (local-data-key.ts); without it nothing is stored on this device. */
  readonly localDataKeys?: LocalDataKeyService;
}

/**
 * The handlers. Each auth answer is a `SessionState` or an access token only:
 * the refresh token never leaves the sign-in service, and
 * register.ts re-parses every result with the contract's schema, which strips
 * any field the contract does not name.
 */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const { signIn } = deps;
  return {
    'app:info': () => createAppInfo(deps.app, deps.relayUrl),
    'auth:session': () => signIn.getState(),
    'auth:sign-in': () => signIn.signIn(),
    'auth:sign-out': () => signIn.signOut(),
    'auth:access-token': (options) =>
      signIn.getAccessToken(options.forceRefresh === true ? { forceRefresh: true } : {}),
    'app:notify': (request) => {
      deps.notify?.(request);
      return null;
    },
    'app:take-pending-note': () => deps.pendingNote?.take() ?? null,
    'app:restart-to-update': () => deps.updates?.restartToUpdate() ?? false,
    'app:set-badge': (count) => {
      deps.badge?.set(count);
      return null;
    },
    'settings:get': () =>
      deps.settings?.view() ?? resolveSettings({ policy: { enforced: {}, defaults: {} } }),
    'settings:set': (change) => {
      if (deps.settings === undefined) throw new Error('settings cannot be changed here');
      return deps.settings.set(change);
    },
    'app:local-data-key': async (request) => {
      if (request.op === 'erase') {
        await deps.localDataKeys?.eraseAll();
        return null;
      }
      return (
        (await deps.localDataKeys?.get(request.owner)) ?? {
          status: 'refused',
          reason: 'no-encryption',
        }
      );
    },
  };
}
