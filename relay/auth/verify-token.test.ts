import { importJWK, SignJWT, exportSPKI, base64url, type JWK, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevIdp, type DevIdp } from '../../idp/dev-idp.ts';
import { generateSigningKey } from '../../idp/keys.ts';
import { obtainTokens } from '../../idp/testing.ts';
import { createTokenVerifier, type TokenVerifier } from './verify-token.ts';

/** `expect.stringContaining`, typed (it returns `any`). */
const containing = (text: string): string => expect.stringContaining(text) as string;

// A real dev IdP on port 0; negatives are signed locally with the IdP's own
// private key (handed to it at start), so only the one property under test is wrong.
let idp: DevIdp;
let privateJwk: JWK;
let privateKey: CryptoKey | Uint8Array;
let verifier: TokenVerifier;
const now = (): number => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  privateJwk = await generateSigningKey('ES256');
  idp = await startDevIdp({ port: 0, jwks: { keys: [privateJwk] } });
  privateKey = await importJWK(privateJwk, 'ES256');
  verifier = createTokenVerifier({ issuer: idp.issuer, audience: idp.audience });
});
afterAll(async () => {
  await idp.close();
});

async function sign(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const jwt = new SignJWT({
    sub: 'emp-1001',
    name: 'Ada',
    email: 'ada.lovelace@example.com',
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid ?? '', ...header })
    .setIssuer(idp.issuer)
    .setAudience(idp.audience)
    .setIssuedAt();
  if (!('exp' in claims)) jwt.setExpirationTime('5m');
  return jwt.sign(privateKey);
}

describe('createTokenVerifier', () => {
  it('accepts a real access token from the dev IdP and returns the principal', async () => {
    const { accessToken } = await obtainTokens(idp.issuer, 'emp-1001');
    const result = await verifier.verify(accessToken);
    expect(result).toMatchObject({
      ok: true,
      principal: { sub: 'emp-1001', name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
    });
    expect(result.ok && result.principal.exp).toBeGreaterThan(now());
  });

  it('rejects a missing token with 4401', async () => {
    expect(await verifier.verify(undefined)).toEqual({
      ok: false,
      code: 4401,
      reason: 'missing token',
    });
    expect(await verifier.verify('')).toMatchObject({ code: 4401 });
  });

  it('rejects an expired token beyond the clock tolerance, accepts one within it', async () => {
    const expired = await verifier.verify(await sign({ exp: now() - 120 }));
    expect(expired).toMatchObject({ ok: false, code: 4401, reason: 'token expired' });
    expect(await verifier.verify(await sign({ exp: now() - 10 }))).toMatchObject({ ok: true });
  });

  it('rejects a token not valid yet (nbf)', async () => {
    expect(await verifier.verify(await sign({ nbf: now() + 600 }))).toMatchObject({
      ok: false,
      code: 4401,
    });
  });

  it('rejects a wrong audience and a wrong issuer', async () => {
    const wrongAud = await new SignJWT({ sub: 'emp-1001' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(idp.issuer)
      .setAudience('commonplace-desktop')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await verifier.verify(wrongAud)).toMatchObject({
      ok: false,
      code: 4401,
      reason: containing('"aud"'),
    });
    const wrongIss = await new SignJWT({ sub: 'emp-1001' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('https://evil.example')
      .setAudience(idp.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await verifier.verify(wrongIss)).toMatchObject({
      ok: false,
      code: 4401,
      reason: containing('"iss"'),
    });
  });

  it('rejects alg none', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(
      JSON.stringify({ sub: 'emp-1001', iss: idp.issuer, aud: idp.audience, exp: now() + 300 }),
    );
    expect(await verifier.verify(`${header}.${payload}.`)).toMatchObject({ ok: false, code: 4401 });
  });

  it('rejects a tampered payload under the original signature', async () => {
    const { accessToken } = await obtainTokens(idp.issuer, 'emp-1002');
    const [h, p, s] = accessToken.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(p ?? ''))) as Record<
      string,
      unknown
    >;
    const forged = base64url.encode(JSON.stringify({ ...claims, sub: 'emp-1001' }));
    expect(await verifier.verify(`${h ?? ''}.${forged}.${s ?? ''}`)).toMatchObject({
      ok: false,
      code: 4401,
      reason: 'signature invalid',
    });
  });

  it('rejects HS256 "signed" with the public key (key confusion)', async () => {
    const publicJwk = { ...privateJwk };
    delete publicJwk.d;
    const pem = await exportSPKI((await importJWK(publicJwk, 'ES256')) as CryptoKey);
    const secret = new TextEncoder().encode(pem);
    const token = await new SignJWT({ sub: 'emp-1001' })
      .setProtectedHeader({ alg: 'HS256', kid: privateJwk.kid ?? '' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setExpirationTime('5m')
      .sign(secret);
    expect(await verifier.verify(token)).toMatchObject({
      ok: false,
      code: 4401,
      reason: 'signing algorithm not allowed',
    });
  });

  it('rejects a token without sub', async () => {
    const token = await new SignJWT({ email: 'ada.lovelace@example.com' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await verifier.verify(token)).toMatchObject({
      ok: false,
      code: 4401,
      reason: containing('"sub"'),
    });
  });

  it('refuses an email domain outside the allow-list with 4403 and a reason', async () => {
    const strict = createTokenVerifier({
      issuer: idp.issuer,
      audience: idp.audience,
      allowedDomains: ['Example.com'],
    });
    const { accessToken } = await obtainTokens(idp.issuer, 'ext-2001');
    expect(await strict.verify(accessToken)).toEqual({
      ok: false,
      code: 4403,
      reason: 'email domain partner.example.org is not allowed; only example.com may sign in',
    });
    expect(await strict.verify(await sign({}))).toMatchObject({ ok: true });
    expect(await strict.verify(await sign({ email: undefined }))).toMatchObject({
      ok: false,
      code: 4403,
    });
    expect(await strict.verify(await sign({ email_verified: false }))).toMatchObject({
      ok: false,
      code: 4403,
    });
  });

  it('answers 4401 (and does not throw) when the issuer is unreachable, and recovers later', async () => {
    let calls = 0;
    const flaky = createTokenVerifier({
      issuer: idp.issuer,
      audience: idp.audience,
      fetch: (input, init) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('offline')) : fetch(input, init);
      },
    });
    const token = await sign({});
    expect(await flaky.verify(token)).toMatchObject({
      ok: false,
      code: 4401,
      reason: containing('unreachable'),
    });
    expect(await flaky.verify(token)).toMatchObject({ ok: true });
  });

  it('refuses oversized tokens before parsing', async () => {
    expect(await verifier.verify('a'.repeat(9000))).toEqual({
      ok: false,
      code: 4401,
      reason: 'token too large',
    });
  });
});
