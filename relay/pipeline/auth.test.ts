import { describe, expect, it } from 'vitest';
import { allowAllAuthorizer, ANONYMOUS, anonymousAuthenticator } from './auth.ts';

describe('pass-through auth stages', () => {
  it('identify everyone as anonymous and let them write', async () => {
    const request = {
      rawUrl: '/a/b',
      query: new URLSearchParams(),
      headers: {},
      remoteAddress: '127.0.0.1',
    };
    expect(await anonymousAuthenticator.authenticate(request)).toEqual({
      ok: true,
      value: ANONYMOUS,
    });
    expect(await allowAllAuthorizer.authorize(ANONYMOUS, { spaceId: 'a', docId: 'b' })).toEqual({
      ok: true,
      value: { canWrite: true },
    });
  });
});
