import { z } from 'zod';

/**
 * Every setting of the desktop app an administrator can manage, described
 * once. Main reads policy into these shapes, the settings screen shows which
 * are locked, and the samples in build/policy/ are checked against them.
 *
 * Precedence, lowest first (see {@link resolveSettings}):
 *   1. built-in defaults ({@link BUILT_IN_SETTINGS});
 *   2. policy defaults: the administrator's starting value;
 *   3. environment variables (developers and scripted installs);
 *   4. the person's own choice, for the settings they may change;
 *   5. enforced policy: locked, shown "set by your organisation".
 */

const httpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https:// URL' })
  .max(2000, 'is longer than 2000 characters');
const domain = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i,
    'must be a domain name like example.com',
  );

export const SettingsSchema = z
  .object({
    /** WebSocket base URL of the relay. */
    relayUrl: z.url({ protocol: /^wss?$/, error: 'must be a ws:// or wss:// URL' }).max(2000),
    /** The company's OpenID Connect issuer. */
    issuer: z.string().min(1).max(2000),
    /** The public client id registered at the IdP for the desktop app. */
    clientId: z.string().min(1).max(200),
    /** The relay's audience (the access token's `aud`). */
    audience: z.string().min(1).max(500),
    /** Extra scopes to request, space-separated. */
    scope: z.string().min(1).max(1000),
    /** Whether to send the audience as an RFC 8707 `resource` (Entra ID v2 rejects it). */
    resourceIndicator: z.boolean(),
    /** Which ID-token claim names the person: `email`, else `preferred_username`/`upn`. */
    identityClaim: z.enum(['email', 'preferred_username', 'upn']),
    /** Domains whose people may sign in, checked against the identity claim; empty: any. */
    allowedDomains: z.array(domain).max(100),
    /** The internal update server (electron-updater's generic provider). */
    updateUrl: httpsUrl,
    /** Which release channel to follow. */
    updateChannel: z.enum(['latest', 'beta', 'alpha']),
    /** Whether the app looks for updates at all. */
    updatesAllowed: z.boolean(),
    /** Hours between update checks. */
    updateCheckIntervalHours: z
      .int()
      .min(1)
      .max(24 * 7),
    /** Days the app may be used without a successful token refresh; then it is read-only. */
    offlineGraceDays: z.int().min(1).max(365),
    /** Whether anonymous usage counts may be sent. */
    telemetry: z.boolean(),
    /** Spell-checker languages (BCP 47), e.g. `en-GB`. */
    spellcheckLanguages: z
      .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag'))
      .max(10),
    /** Start the app when the person logs in to the computer. */
    startAtLogin: z.boolean(),
    /** Which desktop notifications to show. */
    notifications: z.enum(['all', 'mentions', 'off']),
    /** Whether "remove this laptop's copy" is ticked by default on sign-out. */
    removeLocalCopyOnSignOut: z.boolean(),
    /**
     * Where the operating system offers no key store for the local data key:
     * `required` stores nothing on the device (notes live in memory and come
     * from the relay); `preferred` stores in plain and says so on screen.
     * Either way the data is encrypted wherever a key store exists.
     */
    localDataEncryption: z.enum(['required', 'preferred']),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(SettingsSchema.shape) as SettingKey[];

/** One layer of policy: any subset of the settings. Unknown keys are refused. */
export const PolicyLayerSchema = SettingsSchema.partial().strict();
export type PolicyLayer = z.infer<typeof PolicyLayerSchema>;

/**
 * A managed policy as every platform reader produces it. A misspelt key is
 * refused rather than ignored: the administrator would believe a setting is
 * enforced that is not.
 */
export const ManagedPolicySchema = z
  .object({
    /** Locked: the person cannot change them. */
    enforced: PolicyLayerSchema.default({}),
    /** Starting values the person may change. */
    defaults: PolicyLayerSchema.default({}),
  })
  .strict();
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

/** The settings that have a value without any configuration. */
export const BUILT_IN_SETTINGS = {
  relayUrl: 'ws://127.0.0.1:4444',
  clientId: 'commonplace-desktop',
  audience: 'urn:commonplace:relay',
  resourceIndicator: true,
  identityClaim: 'email',
  allowedDomains: [],
  updateChannel: 'latest',
  updatesAllowed: true,
  updateCheckIntervalHours: 4,
  offlineGraceDays: 14,
  telemetry: false,
  spellcheckLanguages: [],
  startAtLogin: false,
  notifications: 'mentions',
  removeLocalCopyOnSignOut: false,
  localDataEncryption: 'required',
} as const satisfies PolicyLayer;

/** The settings the person may change in the app, unless policy enforces them. */
export const PERSONAL_SETTING_KEYS = [
  'spellcheckLanguages',
  'startAtLogin',
  'notifications',
  'telemetry',
  'removeLocalCopyOnSignOut',
] as const satisfies readonly SettingKey[];
export type PersonalSettingKey = (typeof PERSONAL_SETTING_KEYS)[number];

/** The value types of each setting, for readers of untyped stores (the registry). */
export type SettingKind = 'string' | 'boolean' | 'integer' | 'list';
export const SETTING_KINDS: Readonly<Record<SettingKey, SettingKind>> = {
  relayUrl: 'string',
  issuer: 'string',
  clientId: 'string',
  audience: 'string',
  scope: 'string',
  resourceIndicator: 'boolean',
  identityClaim: 'string',
  allowedDomains: 'list',
  updateUrl: 'string',
  updateChannel: 'string',
  updatesAllowed: 'boolean',
  updateCheckIntervalHours: 'integer',
  offlineGraceDays: 'integer',
  telemetry: 'boolean',
  spellcheckLanguages: 'list',
  startAtLogin: 'boolean',
  notifications: 'string',
  removeLocalCopyOnSignOut: 'boolean',
  localDataEncryption: 'string',
};

/** What the settings screen shows: every value, and which are locked. */
export const SettingsViewSchema = z
  .object({
    values: SettingsSchema.partial(),
    enforced: z.array(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]])),
  })
  .strict();
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/** A change the person asks for in settings. */
export const PersonalSettingChangeSchema = z.discriminatedUnion('key', [
  z.object({
    key: z.literal('spellcheckLanguages'),
    value: SettingsSchema.shape.spellcheckLanguages,
  }),
  z.object({ key: z.literal('startAtLogin'), value: z.boolean() }),
  z.object({ key: z.literal('notifications'), value: SettingsSchema.shape.notifications }),
  z.object({ key: z.literal('telemetry'), value: z.boolean() }),
  z.object({ key: z.literal('removeLocalCopyOnSignOut'), value: z.boolean() }),
]);
export type PersonalSettingChange = z.infer<typeof PersonalSettingChangeSchema>;

/**
 * The effective settings and the keys policy locks, by the precedence above.
 * The person's choices count only for {@link PERSONAL_SETTING_KEYS}.
 */
export function resolveSettings(layers: {
  readonly policy: ManagedPolicy;
  readonly environment?: PolicyLayer;
  readonly personal?: PolicyLayer;
}): SettingsView {
  const personal = Object.fromEntries(
    Object.entries(layers.personal ?? {}).filter(([key]) =>
      (PERSONAL_SETTING_KEYS as readonly string[]).includes(key),
    ),
  );
  return {
    values: {
      ...BUILT_IN_SETTINGS,
      ...layers.policy.defaults,
      ...layers.environment,
      ...personal,
      ...layers.policy.enforced,
    },
    enforced: SETTING_KEYS.filter((key) => layers.policy.enforced[key] !== undefined),
  };
}

/**
 * The one line an administrator sees for an invalid policy source: where it
 * came from and every problem, with the promise that none of it was applied.
 */
export function describePolicyProblem(source: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const at = issue.path.map(String).join('.');
    return at === '' ? issue.message : `${at}: ${issue.message}`;
  });
  const line = `The Commonplace policy in ${source} is invalid and none of it was applied: ${problems.join('; ')}`;
  return line.replace(/\s*\n\s*/g, ' ');
}
