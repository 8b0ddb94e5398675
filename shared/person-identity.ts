import { z } from 'zod';
import { emailDomain, PrincipalSchema, type Principal } from './auth.ts';

/**
 * Who a person is, read from an identity provider's claims the same way on
 * the relay (access token) and in the clients (ID token), so both name the
 * same person. Companies configure their IdPs differently: Okta and Keycloak
 * send `email`; Entra ID sends no `email` unless an optional claim is added,
 * but always `preferred_username` (v2) or `upn` (v1), which hold the sign-in
 * address. Runtime-neutral: no Node, no DOM.
 */

/** The claims that can identify a person, in the order tried by default. */
export const IDENTITY_CLAIMS = ['email', 'preferred_username', 'upn'] as const;
export const IdentityClaimSchema = z.enum(IDENTITY_CLAIMS);
export type IdentityClaim = z.infer<typeof IdentityClaimSchema>;

/** The claims tried, the configured one first, then the rest in the default order. */
export function identityClaimOrder(preferred?: IdentityClaim): readonly IdentityClaim[] {
  if (preferred === undefined) return IDENTITY_CLAIMS;
  return [preferred, ...IDENTITY_CLAIMS.filter((claim) => claim !== preferred)];
}

export interface PersonIdentity {
  /** The value that identifies the person (an address such as `ada@example.com`). */
  readonly identifier: string;
  /** Which claim it came from. */
  readonly claim: IdentityClaim;
  /** The identifier when it has the shape of an address; what the app shows and matches invitations by. */
  readonly email?: string;
  /** The display name: `name`, else given and family name, else the identifier. */
  readonly name: string;
}

/**
 * Why claims identify no one, as data, so that a client can say it in the
 * person's language (`reason` is the same in English, for logs).
 */
export type IdentityProblem =
  | { readonly code: 'noIdentifier'; readonly claims: readonly IdentityClaim[] }
  | {
      readonly code: 'domainNotAllowed';
      readonly claim: IdentityClaim;
      readonly domain: string | null;
      readonly allowed: readonly string[];
    }
  | { readonly code: 'noSubject' };

export type IdentityResult =
  | { readonly ok: true; readonly person: PersonIdentity }
  | { readonly ok: false; readonly reason: string; readonly problem: IdentityProblem };

export interface IdentityRule {
  /** Claim tried first; {@link IDENTITY_CLAIMS} order when absent. */
  readonly claim?: IdentityClaim | undefined;
  /** Domains admitted (compared lower-case); any when empty or absent. */
  readonly allowedDomains?: readonly string[] | undefined;
}

const MAX_IDENTIFIER = 320;

function stringClaim(claims: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = claims[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function displayName(claims: Readonly<Record<string, unknown>>, fallback: string): string {
  const name = stringClaim(claims, 'name');
  if (name !== undefined) return name.slice(0, 256);
  const given = [stringClaim(claims, 'given_name'), stringClaim(claims, 'family_name')]
    .filter((part) => part !== undefined)
    .join(' ');
  return (given === '' ? fallback : given).slice(0, 256);
}

/**
 * Identifies the person in `claims` by the rule, then applies the allowed
 * domains to whichever claim identified them. An `email` the IdP marks as
 * unverified (`email_verified: false`) is not used: anyone could have typed it.
 * Reasons are safe to show and to log (they name the domain, never a token).
 */
export function identifyPerson(
  claims: Readonly<Record<string, unknown>>,
  rule: IdentityRule = {},
): IdentityResult {
  const order = identityClaimOrder(rule.claim);
  let found: { claim: IdentityClaim; value: string } | undefined;
  for (const claim of order) {
    const value = stringClaim(claims, claim);
    if (value === undefined || value.length > MAX_IDENTIFIER) continue;
    if (claim === 'email' && claims['email_verified'] === false) continue;
    found = { claim, value };
    break;
  }
  if (found === undefined) {
    return {
      ok: false,
      reason: `the identity provider sent none of the claims that identify a person (${order.join(', ')})`,
      problem: { code: 'noIdentifier', claims: order },
    };
  }
  const domain = emailDomain(found.value);
  const allowed = (rule.allowedDomains ?? []).map((d) => d.trim().toLowerCase()).filter(Boolean);
  if (allowed.length > 0 && (domain === null || !allowed.includes(domain))) {
    return {
      ok: false,
      reason: `${found.claim} domain ${domain ?? '(none)'} is not allowed; only ${allowed.join(', ')} may sign in`,
      problem: { code: 'domainNotAllowed', claim: found.claim, domain, allowed },
    };
  }
  return {
    ok: true,
    person: {
      identifier: found.value,
      claim: found.claim,
      ...(domain === null ? {} : { email: found.value }),
      name: displayName(claims, found.value),
    },
  };
}

export type PrincipalResult =
  | { readonly ok: true; readonly principal: Principal }
  | {
      readonly ok: false;
      /** `refused`: the rule turns the person away; `malformed`: the claims are unusable. */
      readonly kind: 'refused' | 'malformed';
      readonly reason: string;
      readonly problem: IdentityProblem;
    };

/**
 * The profile the app keeps for a person, from validated claims by the rule.
 * With no allow-list, claims that identify no one still give a profile known
 * only by `sub` (as the relay admits them); with one, they are refused.
 */
export function principalFromClaims(
  claims: Readonly<Record<string, unknown>>,
  rule: IdentityRule = {},
): PrincipalResult {
  const identity = identifyPerson(claims, rule);
  const hasAllowList = (rule.allowedDomains ?? []).some((d) => d.trim() !== '');
  if (!identity.ok && hasAllowList) {
    return { ok: false, kind: 'refused', reason: identity.reason, problem: identity.problem };
  }
  const person = identity.ok ? identity.person : undefined;
  const text = (key: string, max: number): Record<string, string> => {
    const value = claims[key];
    return typeof value === 'string' && value !== '' && value.length <= max ? { [key]: value } : {};
  };
  const parsed = PrincipalSchema.safeParse({
    sub: claims['sub'],
    ...(person === undefined ? text('name', 256) : { name: person.name }),
    ...(person?.email === undefined ? {} : { email: person.email }),
    ...text('department', 256),
    ...text('title', 256),
  });
  if (!parsed.success) {
    return {
      ok: false,
      kind: 'malformed',
      reason: 'the identity provider sent no usable subject',
      problem: { code: 'noSubject' },
    };
  }
  return { ok: true, principal: parsed.data };
}
