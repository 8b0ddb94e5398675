import type { Employee } from './employees.ts';

/**
 * The claim layouts of the identity providers companies run, so the clients
 * and the relay are tested against what those send rather than against the
 * tidy layout of this development IdP:
 *
 * - `standard`: `email`, `email_verified`, `name` (this IdP's own layout).
 * - `entra`: Microsoft Entra ID. No `email` unless an administrator adds the
 *   optional claim; the sign-in address is in `preferred_username` (v2 ID
 *   tokens) and `upn` (access tokens); `oid` is the object id and `tid` the tenant.
 * - `okta`: `email`, `preferred_username` (the Okta login) and `groups`.
 * - `keycloak`: `preferred_username` is a bare user name (not an address),
 *   `email` and `email_verified`, roles under `realm_access.roles`.
 */
export const CLAIM_SHAPES = ['standard', 'entra', 'okta', 'keycloak'] as const;
export type ClaimShape = (typeof CLAIM_SHAPES)[number];

/** Fixed fictional tenant id of the Entra shape. */
export const ENTRA_TENANT_ID = '00000000-0000-4000-8000-00000000c0de';

/** Which claim each scope releases, for oidc-provider's `claims` configuration. */
export function scopeClaims(shape: ClaimShape): Record<string, string[]> {
  switch (shape) {
    case 'entra':
      return {
        openid: ['sub'],
        profile: ['name', 'preferred_username', 'oid', 'tid', 'upn'],
        // Entra ID releases no email for the `email` scope unless configured.
        email: [],
      };
    case 'okta':
      return {
        openid: ['sub'],
        profile: ['name', 'preferred_username', 'groups'],
        email: ['email', 'email_verified'],
      };
    case 'keycloak':
      return {
        openid: ['sub'],
        profile: ['name', 'preferred_username', 'given_name', 'family_name', 'realm_access'],
        email: ['email', 'email_verified'],
      };
    case 'standard':
      return {
        openid: ['sub'],
        profile: ['name', 'department', 'title', 'groups'],
        email: ['email', 'email_verified'],
      };
  }
}

/** A stable, fake object id derived from the subject (Entra's `oid` is a GUID). */
function objectId(sub: string): string {
  const hex = Array.from(new TextEncoder().encode(sub), (byte) =>
    byte.toString(16).padStart(2, '0'),
  )
    .join('')
    .padEnd(32, '0')
    .slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function localPart(email: string): string {
  return email.slice(0, email.indexOf('@'));
}

/** Every claim the employee has in this shape (the ID token gets those its scopes release). */
export function accountClaims(employee: Employee, shape: ClaimShape): Record<string, unknown> {
  const [given = employee.name, ...rest] = employee.name.split(' ');
  switch (shape) {
    case 'entra':
      return {
        sub: employee.sub,
        name: employee.name,
        preferred_username: employee.email,
        upn: employee.email,
        oid: objectId(employee.sub),
        tid: ENTRA_TENANT_ID,
      };
    case 'okta':
      return {
        sub: employee.sub,
        name: employee.name,
        email: employee.email,
        email_verified: true,
        preferred_username: employee.email,
        groups: ['Everyone', employee.department, ...(employee.groups ?? [])],
      };
    case 'keycloak':
      return {
        sub: employee.sub,
        name: employee.name,
        given_name: given,
        family_name: rest.join(' '),
        preferred_username: localPart(employee.email),
        email: employee.email,
        email_verified: true,
        realm_access: { roles: ['default-roles-commonplace', 'offline_access'] },
      };
    case 'standard':
      return {
        sub: employee.sub,
        name: employee.name,
        email: employee.email,
        email_verified: true,
        department: employee.department,
        title: employee.title,
        ...(employee.groups === undefined ? {} : { groups: [...employee.groups] }),
      };
  }
}

/**
 * What the access token for the relay carries besides the registered claims.
 * Entra access tokens carry `upn`, `oid`, `tid` and `name` but no email; Okta
 * needs custom claims for anything but `sub`, set here as a company would.
 */
export function accessTokenClaims(employee: Employee, shape: ClaimShape): Record<string, unknown> {
  const claims = accountClaims(employee, shape);
  delete claims['sub'];
  // Entra v1 access tokens name the person by `upn` only.
  if (shape === 'entra') delete claims['preferred_username'];
  return claims;
}
