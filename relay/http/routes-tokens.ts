/**
 * Personal access tokens and service accounts over REST.
 * - Each person lists, creates and revokes their own tokens (`/api/tokens`);
 *   only a company admin may give a token the `admin` scope.
 * - Company admins list, create and revoke service accounts
 *   (`/api/admin/service-accounts`): identities `service:<id>` with one token.
 * The secret is generated here and answered once, on creation; lists never
 * hold it (the store has only its hash). A call made with an access token is
 * refused on these routes by the dispatcher (tokens/scopes.ts). Creation and
 * revocation are audited (audit/hooks.ts maps these operations to entries).
 */
import {
  CreateAccessTokenRequestSchema,
  SERVICE_ACCOUNT_PREFIX,
  TOKENS_PER_OWNER_MAX,
  type AccessToken,
  type ServiceAccount,
} from '../../shared/access-tokens-api.ts';
import { API } from '../../shared/rest/index.ts';
import { hashToken, newToken } from '../tokens/secret.ts';
import type { TokenRow, TokenStore } from '../tokens/types.ts';
import type { ApiDeps, ApiRequest, ApiRoute } from './api-types.ts';
import { HttpError } from './json.ts';
import { param } from './route-access.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function tokensOf(deps: ApiDeps): TokenStore {
  if (deps.tokens === undefined) throw new HttpError(404, 'not_found', 'access tokens are off');
  return deps.tokens;
}

/** Without the hash. */
function publicView(row: TokenRow): AccessToken {
  return {
    id: row.id,
    name: row.name,
    scopes: [...row.scopes],
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    createdBy: row.createdBy,
  };
}

function accountView(row: TokenRow): ServiceAccount {
  return { ...publicView(row), principalId: row.ownerId };
}

function requireAdmin(deps: ApiDeps, req: ApiRequest): void {
  if (!deps.admin.isAdmin(req.principal)) {
    throw new HttpError(403, 'forbidden', 'only company admins may do this');
  }
}

/** Creates and stores a token for `owner`; answers the row and the secret. */
async function mint(
  deps: ApiDeps,
  req: ApiRequest,
  owner: Pick<TokenRow, 'kind' | 'ownerId' | 'ownerName' | 'ownerEmail' | 'ownerGroups'>,
): Promise<{ row: TokenRow; secret: string }> {
  const tokens = tokensOf(deps);
  const body = CreateAccessTokenRequestSchema.parse(req.body);
  const live = await tokens.list(owner.kind === 'service' ? { kind: 'service' } : owner);
  if (live.length >= TOKENS_PER_OWNER_MAX) {
    throw new HttpError(409, 'too_many_tokens', `at most ${String(TOKENS_PER_OWNER_MAX)} tokens`);
  }
  const { id, token } = newToken();
  const now = deps.now();
  const row: TokenRow = {
    ...owner,
    id,
    ownerId: owner.kind === 'service' ? `${SERVICE_ACCOUNT_PREFIX}${id}` : owner.ownerId,
    name: body.name,
    scopes: body.scopes,
    hash: hashToken(token),
    createdAt: now,
    createdBy: req.principal.id,
    expiresAt:
      body.expiresInDays === undefined || body.expiresInDays === null
        ? null
        : now + body.expiresInDays * DAY_MS,
    lastUsedAt: null,
    revokedAt: null,
  };
  await tokens.create(row);
  return { row, secret: token };
}

export const TOKEN_ROUTES: readonly ApiRoute[] = [
  {
    ...API.listAccessTokens,
    handle: async (deps, req) => {
      const rows = await tokensOf(deps).list({ ownerId: req.principal.id });
      return { status: 200, body: { tokens: rows.map(publicView) } };
    },
  },
  {
    ...API.createAccessToken,
    handle: async (deps, req) => {
      const { scopes } = CreateAccessTokenRequestSchema.parse(req.body);
      if (req.principal.id === 'anonymous') {
        throw new HttpError(403, 'forbidden', 'sign in to create access tokens');
      }
      if (scopes.includes('admin')) requireAdmin(deps, req);
      const { row, secret } = await mint(deps, req, {
        kind: 'person',
        ownerId: req.principal.id,
        ownerName: req.principal.name ?? null,
        ownerEmail: req.principal.email ?? null,
        ownerGroups: req.principal.groups ?? [],
      });
      return { status: 201, body: { ...publicView(row), secret } };
    },
  },
  {
    ...API.revokeAccessToken,
    handle: async (deps, req) => {
      const tokens = tokensOf(deps);
      const row = await tokens.get(param(req, 'tokenId'));
      // Someone else's token is as unknown as a missing one: ids are not confirmed.
      if (row?.kind !== 'person' || row.ownerId !== req.principal.id || row.revokedAt !== null) {
        throw new HttpError(404, 'not_found', 'no such token');
      }
      await tokens.revoke(row.id, deps.now());
      return { status: 204 };
    },
  },
  {
    ...API.listServiceAccounts,
    handle: async (deps, req) => {
      requireAdmin(deps, req);
      const rows = await tokensOf(deps).list({ kind: 'service' });
      return { status: 200, body: { accounts: rows.map(accountView) } };
    },
  },
  {
    ...API.createServiceAccount,
    handle: async (deps, req) => {
      requireAdmin(deps, req);
      const { name } = CreateAccessTokenRequestSchema.parse(req.body);
      const { row, secret } = await mint(deps, req, {
        kind: 'service',
        ownerId: '',
        ownerName: name,
        ownerEmail: null,
        ownerGroups: [],
      });
      return { status: 201, body: { ...accountView(row), secret } };
    },
  },
  {
    ...API.revokeServiceAccount,
    handle: async (deps, req) => {
      requireAdmin(deps, req);
      const tokens = tokensOf(deps);
      const row = await tokens.get(param(req, 'tokenId'));
      if (row?.kind !== 'service' || row.revokedAt !== null) {
        throw new HttpError(404, 'not_found', 'no such service account');
      }
      await tokens.revoke(row.id, deps.now());
      return { status: 204 };
    },
  },
];
