/**
 * Opens access tokens for `startRelay`: the store on the relay's backend
 * (the shared PostgreSQL database, or `tokens.sqlite` in the data
 * directory), the REST authenticator that accepts them, and the admin check
 * that respects their scopes.
 */
import type { RelayStores } from '../db/stores.ts';
import type { AdminDeps } from '../http/api-types.ts';
import type { Authenticator } from '../pipeline/auth.ts';
import type { SpaceStore } from '../spaces/types.ts';
import { withAccessTokens } from './authenticator.ts';
import { recordingTokenOwners } from './owner-rights.ts';
import { tokenAwareAdmin } from './scopes.ts';
import { SqlTokenStore, sqliteTokenRunner } from './sql-token-store.ts';
import type { TokenStore } from './types.ts';

export interface RelayTokens {
  readonly store: TokenStore;
  /** The REST authenticator: access tokens, else `inner` (sign-in tokens). Never for sockets. */
  rest(inner: Authenticator): Authenticator;
  /** Wraps the sign-in authenticator (sockets and REST) so token owners' rights stay current. */
  signIns(inner: Authenticator): Authenticator;
  admin(inner: AdminDeps): AdminDeps;
  /** Closes a store of its own (a shared pool is closed with the other stores). */
  close(): Promise<void>;
}

export function openRelayTokens(options: {
  readonly dataDir: string;
  readonly pgStores: RelayStores | null;
  readonly spaces: SpaceStore;
  readonly now: () => number;
}): RelayTokens {
  const own =
    options.pgStores === null ? new SqlTokenStore(sqliteTokenRunner(options.dataDir)) : null;
  const store = options.pgStores?.tokens ?? own;
  if (store === null) throw new Error('no token store');
  return {
    store,
    rest: (inner) =>
      withAccessTokens(inner, { tokens: store, spaces: options.spaces, now: options.now }),
    signIns: (inner) => recordingTokenOwners(inner, store, options.now),
    admin: tokenAwareAdmin,
    close: async () => {
      await own?.close();
    },
  };
}
