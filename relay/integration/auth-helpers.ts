/**
 * Helpers for the relay's auth and access tests: a REAL dev IdP on
 * port 0 issuing tokens through the whole code flow (`obtainTokens`), holding
 * a private key the tests also sign their negative tokens with, so that only
 * the one property under test is wrong; a relay verifying against it; and a
 * tiny REST client.
 */
import { base64url, exportSPKI, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { startDevIdp, type DevIdp } from '../../idp/dev-idp.ts';
import { generateSigningKey } from '../../idp/keys.ts';
import { obtainTokens } from '../../idp/testing.ts';
import { SpaceSchema, type Role } from '../../shared/api.ts';
import type { RelayAuthOptions, RelayHandle, RelayOptions } from '../server.ts';
import { startTestRelay } from './helpers.ts';

export interface TestIdp {
  readonly idp: DevIdp;
  /** A real access token for `sub`, from the code flow (cached per sub). */
  token(sub: string): Promise<string>;
  /** A token signed locally with the IdP's key; claims and header override the defaults. */
  sign(claims?: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  /** `alg: none`, wrong audience, wrong issuer, tampered, HS256 with the public key, expired. */
  forged(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

const now = (): number => Math.floor(Date.now() / 1000);

/** Starts a dev IdP on port 0 with a key the tests know. */
export async function startTestIdp(): Promise<TestIdp> {
  const privateJwk: JWK = await generateSigningKey('ES256');
  const idp = await startDevIdp({ port: 0, jwks: { keys: [privateJwk] } });
  const key = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  const tokens = new Map<string, Promise<string>>();

  const sign = async (
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
  ): Promise<string> => {
    const jwt = new SignJWT({
      sub: 'emp-1001',
      name: 'Ada Lovelace',
      email: 'ada.lovelace@example.com',
      iss: idp.issuer,
      aud: idp.audience,
      iat: now(),
      exp: now() + 300,
      ...claims,
    }).setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid ?? '', ...header });
    return jwt.sign(key);
  };

  const forged = async (): Promise<Record<string, string>> => {
    const good = await sign({ sub: 'emp-1001' });
    const [h, p, s] = good.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(p ?? ''))) as object;
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${p ?? ''}.`;
    const publicJwk = { ...privateJwk };
    delete publicJwk.d;
    const pem = await exportSPKI((await importJWK(publicJwk, 'ES256')) as CryptoKey);
    const hs256 = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: privateJwk.kid ?? '' })
      .sign(new TextEncoder().encode(pem));
    const forgedPayload = base64url.encode(JSON.stringify({ ...claims, sub: 'emp-1002' }));
    return {
      expired: await sign({ exp: now() - 600, iat: now() - 900 }),
      'wrong audience': await sign({ aud: 'urn:someone-else' }),
      'wrong issuer': await sign({ iss: 'https://evil.example.com' }),
      'alg none': none,
      'tampered payload': `${h ?? ''}.${forgedPayload}.${s ?? ''}`,
      'HS256 with the public key': hs256,
      garbage: 'not-a-jwt',
    };
  };

  return {
    idp,
    token: (sub) => {
      let pending = tokens.get(sub);
      if (pending === undefined) {
        pending = obtainTokens(idp.issuer, sub).then((t) => t.accessToken);
        tokens.set(sub, pending);
      }
      return pending;
    },
    sign,
    forged,
    close: () => idp.close(),
  };
}

/** A relay on port 0 verifying tokens from `idp`. */
export function startAuthRelay(
  dataDir: string,
  idp: TestIdp,
  extra: Omit<Partial<RelayOptions>, 'auth'> & { auth?: Partial<RelayAuthOptions> } = {},
): Promise<RelayHandle> {
  const { auth, ...rest } = extra;
  return startTestRelay(dataDir, {
    ...rest,
    auth: { issuer: idp.idp.issuer, audience: idp.idp.audience, ...auth },
  });
}

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** One REST call; `token` null sends no Authorization header. */
export async function api(
  relay: RelayHandle,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${relay.httpUrl}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : (JSON.parse(text) as unknown),
  };
}

/** Creates a space as `ownerToken` and returns its id. */
export async function createSpace(relay: RelayHandle, ownerToken: string, name = 'Team') {
  const answer = await api(relay, ownerToken, 'POST', '/api/spaces', { name });
  if (answer.status !== 201) throw new Error(`create space: ${answer.status}`);
  return SpaceSchema.parse(answer.body).id;
}

/** Makes `sub` known (signs in once) and gives them `role` in the space. */
export async function addMember(
  relay: RelayHandle,
  ownerToken: string,
  spaceId: string,
  memberToken: string,
  sub: string,
  role: Role,
): Promise<void> {
  await api(relay, memberToken, 'GET', '/api/me');
  const answer = await api(relay, ownerToken, 'PUT', `/api/spaces/${spaceId}/members/${sub}`, {
    role,
  });
  if (answer.status !== 200) throw new Error(`set member: ${answer.status}`);
}
