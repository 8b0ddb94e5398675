import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Principal } from '../../shared/auth.ts';
import { principalFromClaims, type IdentityClaim } from '../../shared/person-identity.ts';
import { CloseCode } from '../../shared/wire.ts';

/** Asymmetric algorithms only: an HMAC "signed" with the public key must never verify. */
export const ALLOWED_ALGORITHMS = ['RS256', 'ES256', 'PS256', 'EdDSA'] as const;
export type AllowedAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

/** Tokens longer than this are refused before any parsing. */
export const MAX_TOKEN_CHARS = 8192;

export interface TokenVerifierOptions {
  /** Issuer identifier; `<issuer>/.well-known/openid-configuration` is fetched once. */
  readonly issuer: string;
  /** Expected `aud` (one of them, when several). */
  readonly audience: string | readonly string[];
  /** Email domains admitted (lower-case compare). Empty or absent: any domain. */
  readonly allowedDomains?: readonly string[];
  /**
   * The claim that identifies a person (tried first, then the others of
   * `email`, `preferred_username`, `upn`); the clients follow the same rule.
   */
  readonly identityClaim?: IdentityClaim;
  /** The claim listing the person's IdP groups (`groups` by default). */
  readonly groupsClaim?: string;
  /** Allowed clock skew for `exp`/`nbf`/`iat`, in seconds. Default 30. */
  readonly clockToleranceSec?: number;
  /** Subset of {@link ALLOWED_ALGORITHMS}; all of them by default. */
  readonly algorithms?: readonly AllowedAlgorithm[];
  /** For tests; the global fetch by default. */
  readonly fetch?: typeof fetch;
}

/** Who the token says the caller is, plus when that stops being true. */
export interface VerifiedPrincipal extends Principal {
  /** Token expiry, seconds since the epoch: the relay closes the socket then (4401). */
  readonly exp: number;
  /** The token's groups (strings of its groups claim); absent when it names none. */
  readonly groups?: readonly string[];
}

/** Most groups read from one token, each at most 256 characters: a token is the client's to fill. */
const MAX_GROUPS = 200;

/** The strings of a groups claim (an array, or one string); others are ignored. */
export function groupsOf(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list
    .filter((g): g is string => typeof g === 'string' && g !== '' && g.length <= 256)
    .slice(0, MAX_GROUPS);
}

export type VerifyFailureCode = typeof CloseCode.Unauthorized | typeof CloseCode.Forbidden;

export type VerifyResult =
  | { readonly ok: true; readonly principal: VerifiedPrincipal }
  | {
      readonly ok: false;
      /** 4401: no, bad or expired token. 4403: a valid token the policy refuses. */
      readonly code: VerifyFailureCode;
      /** Safe to send to the client and to log: never contains the token. */
      readonly reason: string;
    };

export interface TokenVerifier {
  /** Verifies an access token; never throws, never logs the token. */
  verify(token: string | null | undefined): Promise<VerifyResult>;
}

const unauthorized = (reason: string): VerifyResult => ({
  ok: false,
  code: CloseCode.Unauthorized,
  reason,
});
const forbidden = (reason: string): VerifyResult => ({
  ok: false,
  code: CloseCode.Forbidden,
  reason,
});

/** Maps jose's error codes to reasons that name the failed check, not the token. */
function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return `claim "${error.claim}" rejected: ${error.reason}`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'signing algorithm not allowed';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature invalid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no issuer key matches the token';
  if (error instanceof joseErrors.JWKSTimeout) return 'identity provider keys unreachable';
  if (error instanceof joseErrors.JOSEError) return `token invalid (${error.code})`;
  return 'token could not be verified';
}

async function discoverJwksUri(issuer: string, fetchImpl: typeof fetch): Promise<URL> {
  const base = issuer.endsWith('/') ? issuer.slice(0, -1) : issuer;
  const response = await fetchImpl(`${base}/.well-known/openid-configuration`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const meta = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  // OpenID Connect Discovery 1.0 §4.3: the document's issuer must be ours exactly.
  if (meta.issuer !== issuer) throw new Error('discovery issuer mismatch');
  if (typeof meta.jwks_uri !== 'string') throw new Error('discovery lacks jwks_uri');
  return new URL(meta.jwks_uri);
}

type Rule = {
  claim?: IdentityClaim | undefined;
  allowedDomains: readonly string[];
  groupsClaim: string;
};

/**
 * The person the token names, by the rule the clients follow too
 * (shared/person-identity.ts): the identifying claim becomes the email the
 * relay records and matches invitations by, and the allowed domains apply to it.
 */
function toPrincipal(payload: JWTPayload, rule: Rule): VerifyResult {
  const result = principalFromClaims(payload, rule);
  if (!result.ok) {
    return result.kind === 'refused'
      ? forbidden(result.reason)
      : unauthorized('token claims malformed');
  }
  if (typeof payload.exp !== 'number') return unauthorized('token claims malformed');
  const groups = groupsOf(payload, rule.groupsClaim);
  return {
    ok: true,
    principal: { ...result.principal, exp: payload.exp, ...(groups.length > 0 ? { groups } : {}) },
  };
}

/**
 * Creates the relay's access-token verifier: JWT signature
 * against the issuer's JWKS (discovered once, keys cached and refetched on an
 * unknown `kid` by jose), `iss`, `aud`, `exp`/`nbf` with clock tolerance, an
 * algorithm allow-list, required `exp` and `sub`; then the person by the
 * shared identity rule and the domain policy, answering 4403 with a reason.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const fetchImpl = options.fetch ?? fetch;
  const rule: Rule = {
    claim: options.identityClaim,
    allowedDomains: (options.allowedDomains ?? [])
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    groupsClaim: options.groupsClaim ?? 'groups',
  };
  const algorithms = [...(options.algorithms ?? ALLOWED_ALGORITHMS)];
  const audience = typeof options.audience === 'string' ? options.audience : [...options.audience];
  let jwks: Promise<JWTVerifyGetKey> | undefined;

  const keys = (): Promise<JWTVerifyGetKey> => {
    jwks ??= discoverJwksUri(options.issuer, fetchImpl).then((uri) => createRemoteJWKSet(uri));
    // A failed discovery is retried on the next connection, not cached forever.
    jwks.catch(() => {
      jwks = undefined;
    });
    return jwks;
  };

  return {
    async verify(token) {
      if (token === null || token === undefined || token === '')
        return unauthorized('missing token');
      if (token.length > MAX_TOKEN_CHARS) return unauthorized('token too large');
      let getKey: JWTVerifyGetKey;
      try {
        getKey = await keys();
      } catch {
        return unauthorized('identity provider unreachable; cannot verify tokens');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, getKey, {
          issuer: options.issuer,
          audience,
          algorithms,
          clockTolerance: options.clockToleranceSec ?? 30,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        return unauthorized(describeJoseError(error));
      }
      return toPrincipal(payload, rule);
    },
  };
}
