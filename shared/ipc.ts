import { z } from 'zod';
import { AccessTokenResultSchema, SessionStateSchema } from './auth.ts';
import { AppInfoSchema, LocalDataOwnerSchema, LocalDataProtectionSchema } from './host.ts';
import { NotifyRequestSchema } from './mentions/notify.ts';
import { PersonalSettingChangeSchema, SettingsViewSchema } from './policy.ts';

/** The largest unread count the badge accepts; the badge itself shows "99+" beyond 99. */
export const MAX_BADGE_COUNT = 100_000;

/**
 * The one IPC contract between the renderer (through the preload) and main.
 * Each channel maps to zod schemas for its arguments and its result: main
 * parses every call against them and rejects unknown channels (handbook §2.2);
 * the renderer-side API type is derived from this map, never written twice.
 */
export const ipcContract = {
  'app:info': {
    args: z.tuple([]),
    result: AppInfoSchema,
  },
  'auth:session': {
    args: z.tuple([]),
    result: SessionStateSchema,
  },
  'auth:sign-in': {
    args: z.tuple([]),
    result: SessionStateSchema,
  },
  'auth:sign-out': {
    args: z.tuple([]),
    result: SessionStateSchema,
  },
  'auth:access-token': {
    args: z.tuple([z.object({ forceRefresh: z.boolean().optional() }).strict()]),
    result: AccessTokenResultSchema.nullable(),
  },
  'app:notify': {
    args: z.tuple([NotifyRequestSchema]),
    result: z.null(),
  },
  /**
   * The note a deep link or a notification click asked for that no page has
   * taken yet (main keeps the last one, e.g. from a launch before sign-in),
   * or null; taking it clears it.
   */
  'app:take-pending-note': {
    args: z.tuple([]),
    result: NotifyRequestSchema.shape.target.nullable(),
  },
  /** Quits and installs a downloaded update; false when none is ready. */
  'app:restart-to-update': {
    args: z.tuple([]),
    result: z.boolean(),
  },
  /**
   * The unread count of the inbox, shown on the dock (macOS) or beside the
   * tray icon (Windows, Linux); 0 clears it. A whole number, capped so a
   * buggy or hostile page cannot make the OS draw something absurd.
   */
  'app:set-badge': {
    args: z.tuple([z.int().min(0).max(MAX_BADGE_COUNT)]),
    result: z.null(),
  },
  /** Every setting's value and which ones the organisation enforces. */
  'settings:get': {
    args: z.tuple([]),
    result: SettingsViewSchema,
  },
  /** Changes one of the person's own settings; refused when policy enforces it. */
  'settings:set': {
    args: z.tuple([PersonalSettingChangeSchema]),
    result: SettingsViewSchema,
  },
  /**
   * The key that encrypts one person's notes on this device (`get`, created
   * on first use, null never), or erases every such key (`erase`, null).
   * One channel for both, so the whole key life cycle has one validated door.
   */
  'app:local-data-key': {
    args: z.tuple([
      z.discriminatedUnion('op', [
        z.object({ op: z.literal('get'), owner: LocalDataOwnerSchema }).strict(),
        z.object({ op: z.literal('erase') }).strict(),
      ]),
    ]),
    result: LocalDataProtectionSchema.nullable(),
  },
} as const satisfies Record<string, { args: z.ZodTuple; result: z.ZodType }>;

/**
 * Events main pushes to the renderer (`webContents.send`). The preload
 * validates each payload before handing it to the page's listener.
 */
export const ipcEvents = {
  'auth:session-changed': SessionStateSchema,
  /** Open a note: a notification was clicked or a deep link arrived. */
  'app:open-note': NotifyRequestSchema.shape.target,
  /** An update has downloaded and installs on quit: offer "Restart to update". */
  'app:update-ready': z.object({ version: z.string().min(1).max(100) }),
} as const satisfies Record<string, z.ZodType>;
export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = z.infer<IpcContract[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<IpcContract[C]['result']>;

/** Channel names the preload may invoke; anything else is refused by main. */
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(ipcContract, value);
}

/** The name under which the preload exposes the host API on `window`. */
export const HOST_GLOBAL = 'commonplace';
