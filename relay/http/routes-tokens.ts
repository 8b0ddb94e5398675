/**
 * Personal access tokens and service accounts over REST.
 * - Each person lists, creates and revokes their own tokens (`/api/tokens`);
 *   only a company admin may give a token the `admin` scope.
 * - Company admins list, create, rotate and revoke service accounts
 *   (`/api/admin/service-accounts`): identities `service:<id>` with one
 *   token, which they make editors or viewers of spaces.
 * The secret is generated here and answered once, on creation; lists never
 * hold it (the store has only its hash). A call made with an access token is
 * refused on these routes by the dispatcher (tokens/scopes.ts). Creation and
 * revocation are audited (audit/hooks.ts maps these operations to entries).
 */
import {
  CreateAccessTokenRequestSchema,
  SERVICE_ACCOUNT_PREFIX,
  SetServiceAccountSpaceRequestSchema,
  TOKENS_PER_OWNER_MAX,
  type AccessToken,
  type ServiceAccount,
} from '../../shared/access-tokens-api.ts';
import { API } from '../../shared/rest/index.ts';
import { ID_PATTERN } from '../../shared/wire.ts';
import { ownerOf } from '../tokens/owner-rights.ts';
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

// Awaited: whether someone is an admin may take a directory lookup (a SCIM group).
async function requireAdmin(deps: ApiDeps, req: ApiRequest): Promise<void> {
  if (!(await deps.admin.isAdmin(req.principal))) {
    throw new HttpError(403, 'forbidden', 'only company admins may do this');
  }
}

/** What a new token is: its name, scopes and lifetime (from a request, or a rotated token). */
interface TokenSpec {
  readonly name: string;
  readonly scopes: TokenRow['scopes'];
  /** Milliseconds it lives; null: for ever. */
  readonly lifetimeMs: number | null;
}

function specOf(body: unknown): TokenSpec {
  const { name, scopes, expiresInDays } = CreateAccessTokenRequestSchema.parse(body);
  return {
    name,
    scopes,
    lifetimeMs:
      expiresInDays === undefined || expiresInDays === null ? null : expiresInDays * DAY_MS,
  };
}

/**
 * Creates and stores a token for `owner` (a service account without an
 * `ownerId` gets the identity `service:<token id>`); answers the row and the
 * secret. `capped`: refused (409) when the owner holds the most tokens already.
 */
async function mint(
  deps: ApiDeps,
  req: ApiRequest,
  owner: Pick<TokenRow, 'kind' | 'ownerId' | 'ownerName' | 'ownerEmail' | 'ownerGroups'>,
  spec: TokenSpec,
  capped = true,
): Promise<{ row: TokenRow; secret: string }> {
  const tokens = tokensOf(deps);
  const live = await tokens.list(owner.kind === 'service' ? { kind: 'service' } : owner);
  if (capped && live.length >= TOKENS_PER_OWNER_MAX) {
    throw new HttpError(409, 'too_many_tokens', `at most ${String(TOKENS_PER_OWNER_MAX)} tokens`);
  }
  const { id, token } = newToken();
  const now = deps.now();
  const row: TokenRow = {
    ...owner,
    id,
    ownerId:
      owner.kind === 'service' && owner.ownerId === ''
        ? `${SERVICE_ACCOUNT_PREFIX}${id}`
        : owner.ownerId,
    name: spec.name,
    scopes: spec.scopes,
    hash: hashToken(token),
    createdAt: now,
    createdBy: req.principal.id,
    expiresAt: spec.lifetimeMs === null ? null : now + spec.lifetimeMs,
    lastUsedAt: null,
    revokedAt: null,
  };
  await tokens.create(row);
  return { row, secret: token };
}

/** The live service account whose token is `tokenId`, or 404. */
async function serviceAccount(deps: ApiDeps, req: ApiRequest): Promise<TokenRow> {
  const row = await tokensOf(deps).get(param(req, 'tokenId'));
  if (row?.kind !== 'service' || row.revokedAt !== null) {
    throw new HttpError(404, 'not_found', 'no such service account');
  }
  return row;
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
      if (scopes.includes('admin')) await requireAdmin(deps, req);
      // From now on each sign-in of this person keeps their tokens' rights current.
      await tokensOf(deps).recordOwner(ownerOf(req.principal, deps.now()));
      const { row, secret } = await mint(
        deps,
        req,
        {
          kind: 'person',
          ownerId: req.principal.id,
          ownerName: req.principal.name ?? null,
          ownerEmail: req.principal.email ?? null,
          ownerGroups: req.principal.groups ?? [],
        },
        specOf(req.body),
      );
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
      await requireAdmin(deps, req);
      const rows = await tokensOf(deps).list({ kind: 'service' });
      return { status: 200, body: { accounts: rows.map(accountView) } };
    },
  },
  {
    ...API.createServiceAccount,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const spec = specOf(req.body);
      const { row, secret } = await mint(
        deps,
        req,
        { kind: 'service', ownerId: '', ownerName: spec.name, ownerEmail: null, ownerGroups: [] },
        spec,
      );
      return { status: 201, body: { ...accountView(row), secret } };
    },
  },
  {
    ...API.revokeServiceAccount,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const row = await serviceAccount(deps, req);
      await tokensOf(deps).revoke(row.id, deps.now());
      return { status: 204 };
    },
  },
  {
    ...API.rotateServiceAccount,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const old = await serviceAccount(deps, req);
      // The new token first: a failure midway leaves the old one working, never none.
      const { row, secret } = await mint(
        deps,
        req,
        old,
        {
          name: old.name,
          scopes: old.scopes,
          lifetimeMs: old.expiresAt === null ? null : old.expiresAt - old.createdAt,
        },
        false,
      );
      await tokensOf(deps).revoke(old.id, deps.now());
      return { status: 201, body: { ...accountView(row), secret } };
    },
  },
  {
    ...API.setServiceAccountSpace,
    handle: async (deps, req) => {
      await requireAdmin(deps, req);
      const account = await serviceAccount(deps, req);
      const spaceId = param(req, 'id');
      if (!ID_PATTERN.test(spaceId) || (await deps.store.getSpace(spaceId)) === null) {
        throw new HttpError(404, 'not_found', 'no such space');
      }
      const { role } = SetServiceAccountSpaceRequestSchema.parse(req.body);
      const userId = account.ownerId;
      if (role === null) {
        await deps.store.removeMember(spaceId, userId);
      } else {
        // Members are people in the directory: the account is listed under its name.
        await deps.store.upsertPerson({ id: userId, name: account.name });
        await deps.store.setRole(spaceId, userId, role);
      }
      deps.publishMembership({ spaceId, userId, role });
      return { status: 200, body: { spaceId, role } };
    },
  },
];
