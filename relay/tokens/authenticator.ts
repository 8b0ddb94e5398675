/**
 * Accepts access tokens (`Authorization: Bearer cpat_…`) on the REST API in
 * front of the sign-in authenticator: any other bearer goes to `inner`
 * unchanged. Only the REST dispatcher uses this wrapper; document sockets
 * keep the JWT authenticator, which refuses a `cpat_` token (4401), so an
 * access token can never open a socket. A token is refused (401) when it is
 * unknown, malformed, revoked, expired, or its person is deactivated in the
 * directory: every check reads the store, so revocation and deactivation
 * take effect at once on every node. A personal token acts with its person's
 * current profile (owner-rights.ts), never with the groups they had when
 * they made it: its power is its scopes and what its person may do now.
 */
import { ACCESS_TOKEN_PREFIX } from '../../shared/access-tokens-api.ts';
import { extractToken } from '../auth/extract-token.ts';
import type { Authenticator, Principal } from '../pipeline/auth.ts';
import { pass, refuse } from '../pipeline/types.ts';
import { DEACTIVATED_REASON } from '../spaces/people-recorder.ts';
import type { SpaceStore } from '../spaces/types.ts';
import { currentGroups } from './owner-rights.ts';
import { tokenId, tokenMatches } from './secret.ts';
import type { TokenStore } from './types.ts';

/** A use is recorded at most this often per token, so a busy script does not write on every call. */
export const LAST_USED_GRANULARITY_MS = 60_000;

const INVALID = 'invalid, revoked or expired access token';

export interface AccessTokenAuthDeps {
  readonly tokens: TokenStore;
  readonly spaces: SpaceStore;
  readonly now: () => number;
}

/** Wraps `inner` (sign-in tokens) so that access tokens are accepted too. */
export function withAccessTokens(inner: Authenticator, deps: AccessTokenAuthDeps): Authenticator {
  return {
    async authenticate(request) {
      const token = extractToken({ headers: request.headers });
      if (token?.startsWith(ACCESS_TOKEN_PREFIX) !== true) return inner.authenticate(request);
      const id = tokenId(token);
      const row = id === null ? null : await deps.tokens.get(id);
      const now = deps.now();
      if (
        row === null ||
        !tokenMatches(token, row.hash) ||
        row.revokedAt !== null ||
        (row.expiresAt !== null && row.expiresAt <= now)
      ) {
        return refuse(4401, INVALID);
      }
      if (row.kind === 'person' && (await deps.spaces.directory.isDeactivated(row.ownerId))) {
        return refuse(4401, DEACTIVATED_REASON);
      }
      if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
        await deps.tokens.touch(row.id, now);
      }
      // A service account has no IdP groups: its admin power is its scope, given by an admin.
      const owner = row.kind === 'person' ? await deps.tokens.owner(row.ownerId) : null;
      const name = owner === null ? row.ownerName : owner.name;
      const email = owner === null ? row.ownerEmail : owner.email;
      const principal: Principal = {
        id: row.ownerId,
        ...(name === null ? {} : { name }),
        ...(email === null ? {} : { email }),
        groups: row.kind === 'person' ? currentGroups(owner, now) : [],
        ...(row.expiresAt === null ? {} : { expiresAtMs: row.expiresAt }),
        credential: { kind: row.kind, tokenId: row.id, scopes: row.scopes },
      };
      return pass(principal);
    },
  };
}
