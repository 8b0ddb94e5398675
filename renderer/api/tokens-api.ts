import type {
  AccessToken,
  CreateAccessTokenRequest,
  CreatedAccessToken,
  CreatedServiceAccount,
  ServiceAccount,
} from '../../shared/access-tokens-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** The signed-in person's own access tokens; see shared/rest/tokens.ts. */
export interface TokensApi {
  list(): Promise<AccessToken[]>;
  /** The answer holds the secret: the only time it is shown. */
  create(request: CreateAccessTokenRequest): Promise<CreatedAccessToken>;
  revoke(id: string): Promise<void>;
}

/** Service accounts as company admins manage them. */
export interface ServiceAccountsApi {
  list(): Promise<ServiceAccount[]>;
  create(request: CreateAccessTokenRequest): Promise<CreatedServiceAccount>;
  /** A new secret for the same account; the old one stops working. */
  rotate(id: string): Promise<CreatedServiceAccount>;
  revoke(id: string): Promise<void>;
  /** Makes the account an editor or viewer of a space, or (null) removes it. */
  setSpace(id: string, spaceId: string, role: 'editor' | 'viewer' | null): Promise<void>;
}

export function createTokensApi(options: ApiCallOptions): TokensApi {
  const call = createApiCall(options);
  return {
    list: async () => (await call(API.listAccessTokens)).tokens,
    create: (body) => call(API.createAccessToken, { body }),
    revoke: async (id) => {
      await call(API.revokeAccessToken, { params: { tokenId: id } });
    },
  };
}

export function createServiceAccountsApi(options: ApiCallOptions): ServiceAccountsApi {
  const call = createApiCall(options);
  return {
    list: async () => (await call(API.listServiceAccounts)).accounts,
    create: (body) => call(API.createServiceAccount, { body }),
    rotate: (id) => call(API.rotateServiceAccount, { params: { tokenId: id } }),
    revoke: async (id) => {
      await call(API.revokeServiceAccount, { params: { tokenId: id } });
    },
    setSpace: async (id, spaceId, role) => {
      await call(API.setServiceAccountSpace, {
        params: { tokenId: id, id: spaceId },
        body: { role },
      });
    },
  };
}
