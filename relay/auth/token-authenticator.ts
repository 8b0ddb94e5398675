/**
 * Authentication stage with access tokens: the token comes
 * from `Authorization: Bearer` or, on a WebSocket upgrade (browsers cannot set
 * headers), from the `token` query parameter; it is verified as a JWT against
 * the issuer's JWKS (verify-token.ts). Missing, invalid or expired: 4401;
 * refused by the domain policy: 4403. The token itself is never logged.
 */
import type { Authenticator, Principal } from '../pipeline/auth.ts';
import { pass, refuse } from '../pipeline/types.ts';
import { extractToken } from './extract-token.ts';
import type { TokenVerifier } from './verify-token.ts';

export interface TokenAuthenticatorOptions {
  readonly verifier: TokenVerifier;
  /**
   * The verifier's clock tolerance, in seconds: a session lasts until the
   * token would no longer verify, i.e. `exp` plus this.
   */
  readonly clockToleranceSec: number;
}

/** Builds the JWT authenticator. */
export function createTokenAuthenticator(options: TokenAuthenticatorOptions): Authenticator {
  return {
    async authenticate(request) {
      const token = extractToken({ url: request.rawUrl, headers: request.headers });
      const result = await options.verifier.verify(token);
      if (!result.ok) return refuse(result.code, result.reason);
      const { sub, exp, ...profile } = result.principal;
      const principal: Principal = {
        id: sub,
        ...profile,
        expiresAtMs: (exp + options.clockToleranceSec) * 1000,
      };
      return pass(principal);
    },
  };
}
