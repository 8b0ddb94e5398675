import { describe, expect, it } from 'vitest';
import { API } from '../../shared/rest/index.ts';
import { ApiRequestError, createApiCall } from './api-call.ts';

// Calls by route description against a stand-in `fetch` that records what
// was sent (the relay's side of the same contract: relay/http/contract.test.ts
// and the integration tests; end to end in e2e/).

function setup(answers: Response[]) {
  const sent: { url: string; method: string | undefined; body: unknown }[] = [];
  const call = createApiCall({
    relayUrl: 'wss://relay.example.com',
    fetch: (input, init) => {
      sent.push({
        url: input instanceof URL ? input.href : JSON.stringify(input),
        method: init?.method,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      const next = answers.shift();
      return next === undefined ? Promise.reject(new TypeError('offline')) : Promise.resolve(next);
    },
    accessToken: () => Promise.resolve({ accessToken: 't', expiresAt: 0 }),
  });
  return { call, sent };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createApiCall', () => {
  it('sends the route’s method to its path with parameters and query filled in', async () => {
    const { call, sent } = setup([
      json(200, { people: [{ id: 'ada' }] }),
      new Response(null, { status: 204 }),
    ]);
    expect(await call(API.searchDirectory, { query: { q: 'a b' } })).toEqual({
      people: [{ id: 'ada' }],
    });
    // A route answering 204 resolves to `undefined` (typed so): nothing to parse.
    await call(API.removeMember, { params: { id: 'S1', userId: 'u/1' } });
    expect(sent).toEqual([
      { url: 'https://relay.example.com/api/directory?q=a+b', method: 'GET', body: undefined },
      {
        url: 'https://relay.example.com/api/spaces/S1/members/u%2F1',
        method: 'DELETE',
        body: undefined,
      },
    ]);
  });

  it('sends a JSON body the route’s schema accepts, and refuses one it does not before sending', async () => {
    const { call, sent } = setup([json(200, { id: 'ada', role: 'editor' })]);
    await call(API.setMember, { params: { id: 'S1', userId: 'ada' }, body: { role: 'editor' } });
    expect(sent[0]?.body).toEqual({ role: 'editor' });
    const bad = { role: 'admin' } as unknown as { role: 'editor' };
    await expect(
      call(API.setMember, { params: { id: 'S1', userId: 'ada' }, body: bad }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect(sent).toHaveLength(1);
  });

  it('refuses an answer outside the route’s response schema', async () => {
    const { call } = setup([json(200, { spaces: 'nope' })]);
    const failure = call(API.listSpaces);
    await expect(failure).rejects.toBeInstanceOf(ApiRequestError);
    await expect(failure).rejects.toMatchObject({ code: 'invalid-response' });
  });

  it('passes the relay’s own error message on', async () => {
    const { call } = setup([
      json(409, { error: { code: 'last_owner', message: 'keep an owner' } }),
    ]);
    await expect(
      call(API.removeMember, { params: { id: 'S1', userId: 'ada' } }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'last_owner',
      message: 'keep an owner',
    });
  });
});
