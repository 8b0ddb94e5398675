import type { SessionState } from '../shared/auth.ts';
import type { Host, NoteTarget } from '../shared/host.ts';
import {
  ipcContract,
  ipcEvents,
  type IpcArgs,
  type IpcChannel,
  type IpcEvent,
} from '../shared/ipc.ts';
import type { NotifyRequest } from '../shared/mentions/notify.ts';
import type { PersonalSettingChange } from '../shared/policy.ts';

/**
 * The part of Electron's `ipcRenderer` the bridge uses. It stays inside the
 * preload's isolated world; only the Host built from it is exposed.
 */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface PreloadHostOptions {
  /** Where dropped events are reported (the page's console); payloads are never printed. */
  readonly warn?: (message: string) => void;
}

/**
 * The Host the preload exposes: named functions only, never `ipcRenderer`
 * itself (checklist #20 "Do not expose Electron APIs to untrusted web
 * content"; VS Code's preload does the same). Results and pushed events are
 * parsed again here, so the page receives exactly the contract's types even
 * if main is wrong, and the Electron event object (whose `sender` is
 * ipcRenderer) never reaches a page listener.
 */
export function createPreloadHost(ipc: IpcRendererLike, options: PreloadHostOptions = {}): Host {
  const warn =
    options.warn ??
    ((message: string) => {
      console.warn(message);
    });

  async function call<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>) {
    const result: unknown = await ipc.invoke(channel, ...args);
    return ipcContract[channel].result.parse(result) as ReturnType<
      (typeof ipcContract)[C]['result']['parse']
    >;
  }

  function subscribe<T>(
    event: IpcEvent,
    parse: (payload: unknown) => T,
    listener: (value: T) => void,
  ) {
    if (typeof listener !== 'function')
      throw new TypeError(`${event}: listener must be a function`);
    const wrapped = (_event: unknown, ...args: unknown[]): void => {
      let value: T;
      try {
        value = parse(args[0]);
      } catch {
        warn(`commonplace: dropped an invalid ${event} event`);
        return;
      }
      listener(value);
    };
    ipc.on(event, wrapped);
    let subscribed = true;
    return (): void => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(event, wrapped);
    };
  }

  return Object.freeze({
    appInfo: () => call('app:info'),
    session: () => call('auth:session'),
    signIn: () => call('auth:sign-in'),
    signOut: () => call('auth:sign-out'),
    accessToken: (tokenOptions?: { forceRefresh?: boolean }) =>
      call(
        'auth:access-token',
        // Only the one known option crosses; main validates its type again.
        tokenOptions?.forceRefresh === undefined ? {} : { forceRefresh: tokenOptions.forceRefresh },
      ),
    onSessionChange: (listener: (state: SessionState) => void) =>
      subscribe(
        'auth:session-changed',
        (payload) => ipcEvents['auth:session-changed'].parse(payload),
        listener,
      ),
    notify: async (request: NotifyRequest) => {
      // Only the contract's fields cross; main parses them again.
      await call('app:notify', {
        title: request.title,
        body: request.body,
        target: { spaceId: request.target.spaceId, docId: request.target.docId },
      });
    },
    onOpenNote: (listener: (target: NoteTarget) => void) =>
      subscribe('app:open-note', (payload) => ipcEvents['app:open-note'].parse(payload), listener),
    takePendingNote: () => call('app:take-pending-note'),
    settings: () => call('settings:get'),
    onUpdateReady: (listener: (update: { version: string }) => void) =>
      subscribe(
        'app:update-ready',
        (payload) => ipcEvents['app:update-ready'].parse(payload),
        listener,
      ),
    restartToUpdate: () => call('app:restart-to-update'),
    setBadge: async (count: number) => {
      // main parses it again (a whole number in range).
      await call('app:set-badge', count);
    },
    // Rebuilt from the two known fields; main parses the change again.
    changeSetting: (change: PersonalSettingChange) =>
      call('settings:set', { key: change.key, value: change.value } as PersonalSettingChange),
    localDataProtection: async (owner: string) => {
      const answer = await call('app:local-data-key', { op: 'get', owner });
      if (answer === null) throw new Error('app:local-data-key answered nothing for get');
      return answer;
    },
    eraseLocalDataKeys: async () => {
      await call('app:local-data-key', { op: 'erase' });
    },
    // Main shows notifications itself; whether they appear is the OS's setting.
    notificationPermission: () => 'granted' as const,
    requestNotificationPermission: () => Promise.resolve('granted' as const),
  } satisfies Host);
}
