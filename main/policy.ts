// IT policy: the same settings as the environment variables, from a JSON file
// an administrator deploys (`/etc/commonplace/policy.json`, or `policy.json`
// next to the executable). Policy wins over the environment: on a managed
// machine the administrator's choice of identity provider and relay is not
// something a user's shell should quietly replace.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ENV, POLICY_FILE_NAME, SYSTEM_POLICY_PATH } from './config.ts';

const PolicySchema = z
  .object({
    issuer: z.string().min(1).max(2000).optional(),
    clientId: z.string().min(1).max(200).optional(),
    audience: z.string().min(1).max(500).optional(),
    scope: z.string().min(1).max(1000).optional(),
    resourceIndicator: z.boolean().optional(),
    relayUrl: z.string().min(1).max(2000).optional(),
  })
  // A misspelt key must not be ignored silently: the administrator would
  // believe a setting is enforced that is not.
  .strict();
export type Policy = z.infer<typeof PolicySchema>;

export interface LoadedPolicy {
  readonly policy: Policy;
  /** The file it came from, or null when there is none. */
  readonly source: string | null;
}

/** Where policy files are looked for, in order (the first that exists wins). */
export function policyPaths(exePath: string, platform: NodeJS.Platform): string[] {
  const beside = path.join(path.dirname(exePath), POLICY_FILE_NAME);
  return platform === 'win32' ? [beside] : [SYSTEM_POLICY_PATH, beside];
}

type ReadFile = (file: string) => string;
const readUtf8: ReadFile = (file) => readFileSync(file, 'utf8');

/**
 * Reads the first policy file that exists. A file that exists but is not
 * valid JSON of the expected shape throws with the file name and the problem:
 * start-up stops rather than run with settings the administrator did not intend.
 */
export function loadPolicy(paths: readonly string[], read: ReadFile = readUtf8): LoadedPolicy {
  for (const file of paths) {
    let text: string;
    try {
      text = read(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new Error(`cannot read the policy file ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`the policy file ${file} is not valid JSON`, { cause: error });
    }
    const parsed = PolicySchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`the policy file ${file} is invalid: ${z.prettifyError(parsed.error)}`);
    }
    return { policy: parsed.data, source: file };
  }
  return { policy: {}, source: null };
}

type Env = Readonly<Record<string, string | undefined>>;

/** The environment with the policy's settings laid over it, for the same resolvers to read. */
export function applyPolicy(env: Env, policy: Policy): Record<string, string | undefined> {
  return {
    ...env,
    ...(policy.issuer === undefined ? {} : { [ENV.issuer]: policy.issuer }),
    ...(policy.clientId === undefined ? {} : { [ENV.clientId]: policy.clientId }),
    ...(policy.audience === undefined ? {} : { [ENV.audience]: policy.audience }),
    ...(policy.scope === undefined ? {} : { [ENV.scope]: policy.scope }),
    ...(policy.resourceIndicator === undefined
      ? {}
      : { [ENV.resourceIndicator]: String(policy.resourceIndicator) }),
    ...(policy.relayUrl === undefined ? {} : { [ENV.relayUrl]: policy.relayUrl }),
  };
}
