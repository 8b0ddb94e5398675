import { IdentityConfigSchema, type IdentityConfig } from '../../shared/host.ts';
import { DEFAULT_AUDIENCE, DEFAULT_CLIENT_ID, ENV } from '../config.ts';
import { domainList } from '../policy/environment.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Where main signs in, or why it cannot (shown to the person, so it names what to set). */
export type IdentityResolution =
  | { readonly ok: true; readonly config: IdentityConfig }
  | { readonly ok: false; readonly reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function optional<K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> {
  return v === undefined ? {} : ({ [key]: v } as Partial<Record<K, V>>);
}

/** `true`/`false` as booleans; anything else is passed on as is, for the schema to refuse. */
function flag(raw: string | undefined): boolean | string | undefined {
  if (raw === undefined) return undefined;
  const lower = raw.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : raw;
}

function listValue(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : domainList(raw);
}

/**
 * Why `issuer` is not an acceptable OpenID Connect issuer, or null. OIDC
 * Discovery §3 / RFC 8414 §2: an `https` URL without query or fragment. Plain
 * `http` only on loopback (the development IdP), where nothing crosses a network.
 */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'must use https:// (plain http:// is allowed only on 127.0.0.1 or localhost)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https:// URL';
  if (url.username !== '' || url.password !== '') return 'must not contain credentials';
  if (url.search !== '' || url.hash !== '') return 'must not have a query or fragment';
  return null;
}

/**
 * The desktop app's identity settings from the environment (after any IT
 * policy has been merged in, see main/policy.ts): `COMMONPLACE_ISSUER`
 * (required), `COMMONPLACE_CLIENT_ID` (default `commonplace-desktop`) and
 * `COMMONPLACE_AUDIENCE` (default `urn:commonplace:relay`), and for IdPs that
 * pick the audience by scope `COMMONPLACE_SCOPE` and
 * `COMMONPLACE_RESOURCE_INDICATOR=false`. Never throws: a
 * missing or bad value comes back as a reason the app shows instead of a
 * sign-in button that cannot work.
 */
export function resolveIdentityConfig(env: Env): IdentityResolution {
  const issuer = value(env, ENV.issuer);
  if (issuer === undefined) {
    return {
      ok: false,
      reason: `Sign-in is not configured: ${ENV.issuer} is not set. Ask your IT department for the identity provider's issuer URL, or start the app with \`npm start\`, which runs a development identity provider.`,
    };
  }
  const problem = issuerProblem(issuer);
  if (problem !== null) {
    return { ok: false, reason: `Sign-in is misconfigured: ${ENV.issuer} ${problem}.` };
  }
  const parsed = IdentityConfigSchema.safeParse({
    // Kept as written: the issuer must match the discovery document's `issuer`
    // exactly (OIDC Discovery §4.3), and URL#href would add a trailing slash.
    issuer,
    clientId: value(env, ENV.clientId) ?? DEFAULT_CLIENT_ID,
    audience: value(env, ENV.audience) ?? DEFAULT_AUDIENCE,
    ...optional('scope', value(env, ENV.scope)),
    ...optional('resourceIndicator', flag(value(env, ENV.resourceIndicator))),
    ...optional('identityClaim', value(env, ENV.identityClaim)),
    ...optional('allowedDomains', listValue(value(env, ENV.allowedDomains))),
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'issuer');
    const name = field in ENV ? ENV[field as keyof typeof ENV] : ENV.issuer;
    return { ok: false, reason: `Sign-in is misconfigured: ${name} is not valid.` };
  }
  return { ok: true, config: parsed.data };
}
