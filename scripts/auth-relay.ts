// Starts the relay with token verification for the web
// client: the browser calls the relay's REST API from the web server's
// origin, so that origin is the relay's one CORS origin.
import { startRelay, type RelayHandle, type RelayOptions } from '../relay/server.ts';

export interface RelayAuthOptions {
  /** OpenID Connect issuer whose JWKS signs the access tokens. */
  readonly issuer: string;
  /** Expected `aud` of access tokens. */
  readonly audience: string;
  /** Email domains allowed in (all when absent). */
  readonly allowedDomains?: string[];
}

/**
 * `startRelay` with `auth`, so only signed-in people reach documents and the
 * API, and with `webUrl`'s origin allowed to call the REST API.
 */
export function startAuthRelay(
  options: Omit<RelayOptions, 'auth' | 'corsOrigins'>,
  auth: RelayAuthOptions,
  webUrl: string,
): Promise<RelayHandle> {
  return startRelay({ ...options, auth, corsOrigins: [new URL(webUrl).origin] });
}
