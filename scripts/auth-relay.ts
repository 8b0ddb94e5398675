// Starts the relay with token verification (issue 3 point 4). The relay's
// `auth` option lands in relay/server.ts in parallel with this file; the
// intersection type keeps this compiling before and after it does.
import { startRelay, type RelayHandle, type RelayOptions } from '../relay/server.ts';

export interface RelayAuthOptions {
  /** OpenID Connect issuer whose JWKS signs the access tokens. */
  readonly issuer: string;
  /** Expected `aud` of access tokens. */
  readonly audience: string;
  /** Email domains allowed in (all when absent). */
  readonly allowedDomains?: string[];
}

/** `startRelay` with `auth`, so only signed-in people reach documents and the API. */
export function startAuthRelay(
  options: RelayOptions,
  auth: RelayAuthOptions,
): Promise<RelayHandle> {
  const withAuth: RelayOptions & { readonly auth: RelayAuthOptions } = { ...options, auth };
  return startRelay(withAuth);
}
