/** The acceptable-use policy for server.ts: its store on the relay's backend, and the enforcement. */
import type { RelayStores } from '../db/stores.ts';
import { AcceptableUse } from './acceptable-use.ts';
import { SqlitePolicyStore } from './sqlite-policy-store.ts';

/**
 * On PostgreSQL the store shares the relay's pool (closed with it); else
 * `policy.sqlite` in `dataDir`, closed by `close()`.
 */
export function openAcceptableUse(
  dataDir: string,
  pgStores: RelayStores | null,
  recheck: (userId: string | null) => void,
  now: () => number,
): { readonly acceptableUse: AcceptableUse; close(): Promise<void> } {
  const own = pgStores === null ? new SqlitePolicyStore({ dataDir }) : null;
  const store = own ?? pgStores?.policy;
  if (store === undefined) throw new Error('no policy store');
  return {
    acceptableUse: new AcceptableUse({ store, recheck, now }),
    close: () => {
      own?.close();
      return Promise.resolve();
    },
  };
}
