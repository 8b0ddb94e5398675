import { SETTING_KEYS, SETTING_KINDS, type SettingKey } from '../../shared/policy.ts';
import type { RawPolicy } from './raw-policy.ts';

/** Where Group Policy and Intune write machine-wide policy for the app. */
export const REGISTRY_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Commonplace';
/** Values under this subkey are defaults the person may change (Chrome's convention). */
export const RECOMMENDED_SUBKEY = 'Recommended';

type RegValue = string | number | string[];

/** Registry names are case-insensitive; settings are matched the same way. */
const byLowerName = new Map<string, SettingKey>(SETTING_KEYS.map((k) => [k.toLowerCase(), k]));

function settingName(name: string): string {
  return byLowerName.get(name.toLowerCase()) ?? name;
}

/** A registry value as the schema expects it; a mismatch is left for the schema to refuse. */
function coerce(name: string, value: RegValue): unknown {
  const key = byLowerName.get(name.toLowerCase());
  if (key === undefined) return value;
  const kind = SETTING_KINDS[key];
  if (kind === 'boolean' && (value === 0 || value === 1)) return value === 1;
  return value;
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

function parseData(type: string, data: string): RegValue {
  if (type === 'REG_DWORD' || type === 'REG_QWORD') return Number.parseInt(data, 16);
  // `reg query` prints the strings of a REG_MULTI_SZ joined by a literal `\0`.
  if (type === 'REG_MULTI_SZ') return data === '' ? [] : data.split('\\0');
  return data;
}

/**
 * Reads the output of `reg query <REGISTRY_POLICY_KEY> /s`. We parse its text
 * rather than load a native registry addon: `reg.exe` ships with every
 * Windows, and a native module would have to be rebuilt for each Electron.
 *
 * Values directly under the key are enforced; values under `Recommended` are
 * defaults. A list is a REG_MULTI_SZ, or (as ADMX `<list>` elements write it)
 * a subkey named after the setting holding values `1`, `2`, ...
 */
export function parseRegQuery(output: string, root = REGISTRY_POLICY_KEY): RawPolicy {
  const enforced: Record<string, unknown> = {};
  const defaults: Record<string, unknown> = {};
  const lists = new Map<string, { layer: Record<string, unknown>; items: [number, string][] }>();
  let current: { layer: Record<string, unknown>; list: string | null } | null = null;
  const rootLower = root.toLowerCase();

  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('HKEY_')) {
      const keyLower = line.trim().toLowerCase();
      if (keyLower !== rootLower && !keyLower.startsWith(`${rootLower}\\`)) {
        current = null;
        continue;
      }
      const parts = line.trim().slice(root.length).split('\\').filter(Boolean);
      const recommended = parts[0]?.toLowerCase() === RECOMMENDED_SUBKEY.toLowerCase();
      const layer = recommended ? defaults : enforced;
      const rest = recommended ? parts.slice(1) : parts;
      if (rest.length === 0) current = { layer, list: null };
      else {
        const list = settingName(rest.join('\\'));
        current = { layer, list };
        const id = `${recommended ? 'd' : 'e'}:${list}`;
        if (!lists.has(id)) lists.set(id, { layer, items: [] });
      }
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (match === null || current === null) continue;
    const [, name = '', type = '', data = ''] = match;
    if (name === '(Default)') continue;
    const value = parseData(type, data);
    if (current.list === null) {
      current.layer[settingName(name)] = coerce(name, value);
    } else {
      const id = `${current.layer === defaults ? 'd' : 'e'}:${current.list}`;
      lists.get(id)?.items.push([Number(name), String(value)]);
    }
  }
  for (const [id, { layer, items }] of lists) {
    const name = id.slice(2);
    layer[name] = items.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
  }
  return { enforced, defaults };
}

export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
export type RunCommand = (command: string, args: readonly string[]) => CommandResult;

/**
 * The registry policy, or null when the key does not exist (`reg` exits with
 * 1 and says so). Any other failure throws: a policy that exists but cannot
 * be read must not be silently skipped.
 */
export function readRegistryPolicy(run: RunCommand): RawPolicy | null {
  const result = run('reg', ['query', REGISTRY_POLICY_KEY, '/s']);
  if (result.status === 0) return parseRegQuery(result.stdout);
  if (result.status === 1 && /unable to find/i.test(result.stderr + result.stdout)) return null;
  throw new Error(`reg query ${REGISTRY_POLICY_KEY} failed: ${result.stderr.trim()}`);
}
