import { AccessTokenResultSchema, SessionStateSchema } from '../../shared/auth.ts';
import {
  AppInfoSchema,
  LocalDataOwnerSchema,
  LocalDataProtectionSchema,
  type Host,
} from '../../shared/host.ts';
import { HOST_GLOBAL, MAX_BADGE_COUNT } from '../../shared/ipc.ts';
import { PersonalSettingChangeSchema, SettingsViewSchema } from '../../shared/policy.ts';
import { NotifyRequestSchema, type NotifyRequest } from '../../shared/mentions/index.ts';

/** What the preload exposes (preload/). Every result is validated here again. */
interface Bridge {
  appInfo: () => unknown;
  session: () => unknown;
  signIn: () => unknown;
  signOut: () => unknown;
  accessToken: (options: { forceRefresh?: boolean }) => unknown;
  onSessionChange: (listener: (state: unknown) => void) => unknown;
  notify: (request: NotifyRequest) => unknown;
  onOpenNote: (listener: (target: unknown) => void) => unknown;
  takePendingNote: () => unknown;
  /** Newer bridges only: used when present. */
  settings?: () => unknown;
  changeSetting?: (change: unknown) => unknown;
  setBadge?: (count: number) => unknown;
  localDataProtection?: (owner: string) => unknown;
  eraseLocalDataKeys?: () => unknown;
}

const METHODS = [
  'appInfo',
  'session',
  'signIn',
  'signOut',
  'accessToken',
  'onSessionChange',
  'notify',
  'onOpenNote',
  'takePendingNote',
] as const;

function isBridge(value: unknown): value is Bridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    METHODS.every((m) => typeof (value as Record<string, unknown>)[m] === 'function')
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
    session: async () => SessionStateSchema.parse(await bridge.session()),
    signIn: async () => SessionStateSchema.parse(await bridge.signIn()),
    signOut: async () => SessionStateSchema.parse(await bridge.signOut()),
    accessToken: async (options) =>
      AccessTokenResultSchema.nullable().parse(
        await bridge.accessToken(
          options?.forceRefresh === undefined ? {} : { forceRefresh: options.forceRefresh },
        ),
      ),
    onSessionChange: (listener) => {
      const unsubscribe = bridge.onSessionChange((state: unknown) => {
        const parsed = SessionStateSchema.safeParse(state);
        // A malformed event is dropped; the next session() call tells the truth.
        if (parsed.success) listener(parsed.data);
      });
      return () => {
        if (typeof unsubscribe === 'function') (unsubscribe as () => void)();
      };
    },
    notify: async (request) => {
      // Refused here with a clear message rather than as an IPC error.
      await bridge.notify(NotifyRequestSchema.parse(request));
    },
    onOpenNote: (listener) => {
      const unsubscribe = bridge.onOpenNote((target: unknown) => {
        const parsed = NotifyRequestSchema.shape.target.safeParse(target);
        if (parsed.success) listener(parsed.data);
      });
      return () => {
        if (typeof unsubscribe === 'function') (unsubscribe as () => void)();
      };
    },
    takePendingNote: async () =>
      NotifyRequestSchema.shape.target.nullable().parse(await bridge.takePendingNote()),
    ...optionalMethods(bridge),
    ...localDataMethods(bridge),
    // Main shows notifications; whether they appear is the OS's setting.
    notificationPermission: () => 'granted',
    requestNotificationPermission: () => Promise.resolve('granted'),
  };
}

/** The bridge's optional methods, each validated like the rest. */
function optionalMethods(bridge: Bridge): Pick<Host, 'settings' | 'changeSetting' | 'setBadge'> {
  const { settings, changeSetting, setBadge } = bridge;
  return {
    ...(typeof settings === 'function'
      ? { settings: async () => SettingsViewSchema.parse(await settings()) }
      : {}),
    ...(typeof changeSetting === 'function'
      ? {
          changeSetting: async (change) =>
            SettingsViewSchema.parse(
              await changeSetting(PersonalSettingChangeSchema.parse(change)),
            ),
        }
      : {}),
    ...(typeof setBadge === 'function'
      ? {
          setBadge: async (count: number) => {
            // A whole number in range, as the contract says; main checks it again.
            const clamped = Math.min(MAX_BADGE_COUNT, Math.max(0, Math.trunc(count)));
            await setBadge(Number.isFinite(clamped) ? clamped : 0);
          },
        }
      : {}),
  };
}

/**
 * The local-data key methods. An older bridge without them cannot encrypt,
 * so it answers `refused`: the desktop app falls back to plain storage only
 * when main says so (the administrator's `localDataEncryption: preferred`).
 */
function localDataMethods(
  bridge: Bridge,
): Pick<Host, 'localDataProtection' | 'eraseLocalDataKeys'> {
  const { localDataProtection, eraseLocalDataKeys } = bridge;
  return {
    localDataProtection: async (owner) => {
      if (typeof localDataProtection !== 'function') {
        return { status: 'refused', reason: 'no-encryption' };
      }
      return LocalDataProtectionSchema.parse(
        await localDataProtection(LocalDataOwnerSchema.parse(owner)),
      );
    },
    eraseLocalDataKeys: async () => {
      if (typeof eraseLocalDataKeys === 'function') await eraseLocalDataKeys();
    },
  };
}
