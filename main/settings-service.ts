import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  PERSONAL_SETTING_KEYS,
  PolicyLayerSchema,
  resolveSettings,
  type ManagedPolicy,
  type PersonalSettingChange,
  type PolicyLayer,
  type SettingsView,
} from '../shared/policy.ts';

export interface SettingsServiceOptions {
  readonly policy: ManagedPolicy;
  readonly environment: PolicyLayer;
  /** The person's own choices, a JSON file in the app's user data folder. */
  readonly file: string;
  readonly log?: (message: string) => void;
  /** Called with the new view after the person changed a setting. */
  readonly onChange?: (view: SettingsView) => void;
}

export interface SettingsService {
  view(): SettingsView;
  /** Changes one of the person's settings; refused when policy enforces it. */
  set(change: PersonalSettingChange): SettingsView;
}

/** Only the person's settings are kept from the file; anything else is dropped. */
function readPersonal(file: string, log: (message: string) => void): PolicyLayer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = PolicyLayerSchema.pick(
      Object.fromEntries(PERSONAL_SETTING_KEYS.map((k) => [k, true])) as {
        [K in (typeof PERSONAL_SETTING_KEYS)[number]]: true;
      },
    ).parse(JSON.parse(text));
    return parsed;
  } catch {
    // The person's own file, written by us: if it is damaged, the defaults are
    // a better start than refusing to open.
    log(`ignoring unreadable personal settings in ${file}`);
    return {};
  }
}

/**
 * The settings the app runs with: policy, environment and the person's own
 * choices by the precedence in shared/policy.ts. The person's choices are
 * saved to `file` so they survive a restart.
 */
export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const log = options.log ?? (() => undefined);
  let personal = readPersonal(options.file, log);
  const view = (): SettingsView =>
    resolveSettings({ policy: options.policy, environment: options.environment, personal });
  return {
    view,
    set(change) {
      if (options.policy.enforced[change.key] !== undefined) {
        throw new Error(`${change.key} is set by your organisation and cannot be changed`);
      }
      personal = { ...personal, [change.key]: change.value };
      mkdirSync(path.dirname(options.file), { recursive: true });
      writeFileSync(options.file, `${JSON.stringify(personal, null, 2)}\n`, { mode: 0o600 });
      const next = view();
      options.onChange?.(next);
      return next;
    },
  };
}
