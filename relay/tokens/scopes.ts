/**
 * What an access token's scopes let through, checked by the REST dispatcher
 * before a route's own rules (roles, admin) run, so a route cannot forget it.
 */
import type { RouteContract } from '../../shared/rest/index.ts';
import { HttpError } from '../http/json.ts';
import type { AdminDeps } from '../http/api-types.ts';
import type { AccessCredential, Principal } from '../pipeline/auth.ts';

/** Routes that manage access tokens: a token must never mint or revoke tokens. */
const TOKEN_MANAGEMENT = /^\/api\/(?:tokens|admin\/service-accounts)(?:\/|$)/;

/**
 * Refuses (403) a call its token's scopes do not cover: token management
 * never; `/api/admin/*` needs `admin`; other GET routes `read` or `write`;
 * every other route `write`.
 */
export function checkScopes(route: RouteContract, credential: AccessCredential): void {
  const has = (scope: 'read' | 'write' | 'admin'): boolean => credential.scopes.includes(scope);
  if (TOKEN_MANAGEMENT.test(route.path)) {
    throw new HttpError(403, 'forbidden', 'access tokens cannot manage access tokens; sign in');
  }
  if (route.path.startsWith('/api/admin/')) {
    if (!has('admin'))
      throw new HttpError(403, 'insufficient_scope', 'this token lacks the admin scope');
    return;
  }
  if (route.method === 'GET') {
    if (!has('read') && !has('write')) {
      throw new HttpError(403, 'insufficient_scope', 'this token lacks the read scope');
    }
    return;
  }
  if (!has('write'))
    throw new HttpError(403, 'insufficient_scope', 'this token lacks the write scope');
}

/**
 * The admin check with access tokens: a token counts as an admin only with
 * the `admin` scope, and then only if its person is one now (the groups of
 * their latest sign-in, owner-rights.ts); a service account is one when an
 * admin gave it that scope.
 */
export function tokenAwareAdmin(inner: AdminDeps): AdminDeps {
  return {
    ...inner,
    isAdmin: (principal: Principal) => {
      const credential = principal.credential;
      if (credential === undefined) return inner.isAdmin(principal);
      if (!credential.scopes.includes('admin')) return false;
      return credential.kind === 'service' || inner.isAdmin(principal);
    },
  };
}
