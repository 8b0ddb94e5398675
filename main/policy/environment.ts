import type { ManagedPolicy, PolicyLayer } from '../../shared/policy.ts';
import { ENV } from '../config.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The settings that main's resolvers also read from environment variables. */
const ENV_SETTINGS = [
  ['relayUrl', ENV.relayUrl],
  ['issuer', ENV.issuer],
  ['clientId', ENV.clientId],
  ['audience', ENV.audience],
  ['scope', ENV.scope],
  ['resourceIndicator', ENV.resourceIndicator],
  ['identityClaim', ENV.identityClaim],
  ['allowedDomains', ENV.allowedDomains],
] as const;

/** `a.com, b.org` as a list; the policy schema then checks each domain. */
export function domainList(value: string): string[] {
  return value
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}

function present(env: Env, name: string): boolean {
  const value = env[name]?.trim();
  return value !== undefined && value !== '';
}

/**
 * The environment with policy laid in by the documented precedence: a policy
 * default fills a variable that is not set, an enforced value replaces it.
 * On a managed machine a person's shell must not quietly swap the identity
 * provider or relay the administrator chose; for a default it may.
 */
export function policyEnvironment(
  env: Env,
  policy: ManagedPolicy,
): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = { ...env };
  for (const [key, name] of ENV_SETTINGS) {
    const enforced = policy.enforced[key];
    const fallback = policy.defaults[key];
    if (enforced !== undefined) result[name] = String(enforced);
    else if (fallback !== undefined && !present(env, name)) result[name] = String(fallback);
  }
  return result;
}

/** The settings the environment sets, as a layer for the settings screen. */
export function environmentLayer(env: Env): PolicyLayer {
  const layer: Record<string, string | boolean | string[]> = {};
  for (const [key, name] of ENV_SETTINGS) {
    const value = env[name]?.trim();
    if (value === undefined || value === '') continue;
    layer[key] =
      key === 'resourceIndicator'
        ? value.toLowerCase() !== 'false'
        : key === 'allowedDomains'
          ? domainList(value)
          : value;
  }
  return layer;
}
