import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/wire.ts';
import { createTokenAuthenticator } from './token-authenticator.ts';
import type { TokenVerifier } from './verify-token.ts';

/** A fake verifier (the real one is tested against a real IdP in verify-token.test.ts). */
function fakeVerifier(seen: (string | null | undefined)[]): TokenVerifier {
  return {
    verify: (token) => {
      seen.push(token);
      return Promise.resolve(
        token === 'good'
          ? { ok: true, principal: { sub: 'u1', name: 'Ada', exp: 1000 } }
          : { ok: false, code: CloseCode.Unauthorized, reason: 'token invalid' },
      );
    },
  };
}

const request = (rawUrl: string, headers: Record<string, string> = {}) => ({
  rawUrl,
  query: new URLSearchParams(),
  headers,
  remoteAddress: undefined,
});

describe('token authenticator', () => {
  it('reads the token from ?token= or Authorization: Bearer, and ends the session at exp + tolerance', async () => {
    const seen: (string | null | undefined)[] = [];
    const auth = createTokenAuthenticator({ verifier: fakeVerifier(seen), clockToleranceSec: 30 });
    expect(await auth.authenticate(request('/s/d?token=good'))).toEqual({
      ok: true,
      value: { id: 'u1', name: 'Ada', expiresAtMs: 1_030_000 },
    });
    expect(
      await auth.authenticate(request('/api/me', { authorization: 'Bearer good' })),
    ).toMatchObject({
      ok: true,
    });
    expect(await auth.authenticate(request('/s/d'))).toEqual({
      ok: false,
      code: CloseCode.Unauthorized,
      reason: 'token invalid',
    });
    expect(seen).toEqual(['good', 'good', null]);
  });
});
