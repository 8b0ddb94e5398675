import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  describePolicyProblem,
  ManagedPolicySchema,
  type ManagedPolicy,
} from '../../shared/policy.ts';
import { MANAGED_PREFERENCES_PATH, parsePlistPolicy, plistAsXml } from './plist-policy.ts';
import type { RawPolicy } from './raw-policy.ts';
import { readRegistryPolicy, REGISTRY_POLICY_KEY, type RunCommand } from './registry.ts';

/** The policy file on Linux (and the format of every JSON policy file). */
export const LINUX_POLICY_PATH = '/etc/commonplace/policy.json';

/** One place policy may come from, most important first within a platform. */
export type PolicySource =
  | { readonly kind: 'registry'; readonly location: string }
  | { readonly kind: 'plist'; readonly location: string }
  | { readonly kind: 'json'; readonly location: string };

/**
 * Where this platform keeps machine-wide policy, most important first.
 * Windows: the registry (Group Policy, Intune), then `%ProgramData%`, for
 * tools that prefer to drop a file (SCCM, Ansible). macOS: the managed
 * preferences an MDM profile installs. Linux: one JSON file under /etc.
 */
export function policySources(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): PolicySource[] {
  if (platform === 'win32') {
    const programData = env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData';
    return [
      { kind: 'registry', location: REGISTRY_POLICY_KEY },
      { kind: 'json', location: path.win32.join(programData, 'Commonplace', 'policy.json') },
    ];
  }
  if (platform === 'darwin') return [{ kind: 'plist', location: MANAGED_PREFERENCES_PATH }];
  return [{ kind: 'json', location: LINUX_POLICY_PATH }];
}

export interface PolicyIo {
  /** Reads a file; throws ENOENT when it does not exist. */
  readonly readFile: (file: string) => Buffer;
  readonly run: RunCommand;
}

export type PolicyLoad =
  | {
      readonly ok: true;
      readonly policy: ManagedPolicy;
      /** The sources that held a policy, for the log. */
      readonly sources: readonly string[];
    }
  | { readonly ok: false; readonly problem: string };

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** The raw policy of one source, null when absent; throws with the reason it is unreadable. */
function readSource(source: PolicySource, io: PolicyIo): RawPolicy | null {
  if (source.kind === 'registry') return readRegistryPolicy(io.run);
  let bytes: Buffer;
  try {
    bytes = io.readFile(source.location);
  } catch (error) {
    if (isMissing(error)) return null;
    throw new Error(`it cannot be read (${(error as Error).message})`, { cause: error });
  }
  if (source.kind === 'plist') return parsePlistPolicy(plistAsXml(bytes, source.location, io.run));
  try {
    return JSON.parse(bytes.toString('utf8')) as RawPolicy;
  } catch (error) {
    throw new Error(`it is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/**
 * Reads and checks every policy source of the platform. All or nothing: if
 * any source is unreadable or fails the schema, the result is one line naming
 * the source and every problem, and no setting from any source is applied
 * (a half-applied policy could leave, say, the relay enforced but not the
 * allowed domains). Where two sources set the same key, the first wins.
 */
export function loadManagedPolicy(sources: readonly PolicySource[], io: PolicyIo): PolicyLoad {
  const layers: ManagedPolicy[] = [];
  const found: string[] = [];
  for (const source of sources) {
    let raw: RawPolicy | null;
    try {
      raw = readSource(source, io);
    } catch (error) {
      return {
        ok: false,
        problem: `The Commonplace policy in ${source.location} is invalid and none of it was applied: ${(error as Error).message}`,
      };
    }
    if (raw === null) continue;
    const parsed = ManagedPolicySchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, problem: describePolicyProblem(source.location, parsed.error) };
    }
    layers.push(parsed.data);
    found.push(source.location);
  }
  const policy: ManagedPolicy = { enforced: {}, defaults: {} };
  for (const layer of layers.toReversed()) {
    policy.enforced = { ...policy.enforced, ...layer.enforced };
    policy.defaults = { ...policy.defaults, ...layer.defaults };
  }
  return { ok: true, policy, sources: found };
}

/** The real file system, for main/index.ts. */
export const readPolicyFile = (file: string): Buffer => readFileSync(file);
