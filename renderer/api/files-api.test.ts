import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-call.ts';
import { createFilesApi } from './files-api.ts';

// The file calls against a stand-in `fetch` that records requests (the real
// relay routes are tested in relay/files/files-api.test.ts, end to end in
// e2e/images.spec.ts).

const ID = 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0';

function standInFetch(answers: Response[]) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push({ url: input instanceof URL ? input.href : JSON.stringify(input), init });
    const next = answers.shift();
    return next === undefined ? Promise.reject(new TypeError('offline')) : Promise.resolve(next);
  };
  return { fetch, requests };
}

function setup(answers: Response[]) {
  const stand = standInFetch(answers);
  const tokens: (boolean | undefined)[] = [];
  const api = createFilesApi({
    relayUrl: 'wss://relay.example.com',
    fetch: stand.fetch,
    accessToken: (o) => {
      tokens.push(o?.forceRefresh);
      return Promise.resolve({ accessToken: `token-${String(tokens.length)}`, expiresAt: 0 });
    },
  });
  return { api, requests: stand.requests, tokens };
}

const headerOf = (init: RequestInit | undefined, name: string) =>
  (init?.headers as Record<string, string> | undefined)?.[name];

describe('files API client', () => {
  it('uploads the bytes with their type and the token in the Authorization header only', async () => {
    const { api, requests } = setup([
      Response.json({ fileId: ID, contentType: 'image/png', bytes: 3 }, { status: 201 }),
    ]);
    const stored = await api.upload('space one', new Uint8Array([1, 2, 3]), 'image/png');
    expect(stored).toEqual({ fileId: ID, contentType: 'image/png', bytes: 3 });
    const [request] = requests;
    expect(request?.url).toBe('https://relay.example.com/api/spaces/space%20one/files');
    expect(request?.url).not.toContain('token');
    expect(request?.init?.method).toBe('POST');
    expect(headerOf(request?.init, 'Authorization')).toBe('Bearer token-1');
    expect(headerOf(request?.init, 'Content-Type')).toBe('image/png');
    expect(request?.init?.credentials).toBe('omit');
  });

  it('retries once with a fresh token after a 401, then downloads a Blob of the served type', async () => {
    const { api, tokens } = setup([
      new Response(null, { status: 401 }),
      new Response(new Uint8Array([9, 9]), { headers: { 'content-type': 'image/gif' } }),
    ]);
    const blob = await api.download('s', ID);
    expect(tokens).toEqual([undefined, true]);
    expect(blob.type).toBe('image/gif');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([9, 9]));
  });

  it('turns the relay’s error into an ApiRequestError with its message, and no network into status 0', async () => {
    const { api } = setup([
      Response.json(
        { error: { code: 'payload_too_large', message: 'the body must be at most 10 bytes' } },
        { status: 413 },
      ),
    ]);
    const refused = api.upload('s', new Uint8Array([1]), 'image/png');
    await expect(refused).rejects.toBeInstanceOf(ApiRequestError);
    await expect(refused).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
    await expect(api.download('s', ID)).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('asks the relay for its image limits and validates the answer', async () => {
    const { api, requests } = setup([
      Response.json({ maxFileBytes: 2048, spaceBytesLeft: null }),
      Response.json({ maxFileBytes: 'lots' }),
      Response.json({ error: { code: 'not_found', message: 'no such route' } }, { status: 404 }),
    ]);
    expect(await api.limits('s 1')).toEqual({ maxFileBytes: 2048, spaceBytesLeft: null });
    expect(requests[0]?.url).toBe('https://relay.example.com/api/spaces/s%201/files/limits');
    expect(headerOf(requests[0]?.init, 'Authorization')).toBe('Bearer token-1');
    await expect(api.limits('s')).rejects.toMatchObject({ code: 'invalid-response' });
    await expect(api.limits('s')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it('never lets a call’s own headers replace the token', async () => {
    const { api, requests } = setup([
      Response.json({ fileId: ID, contentType: 'image/png', bytes: 1 }, { status: 201 }),
    ]);
    await api.upload('s', new Uint8Array([1]), 'image/png');
    expect(headerOf(requests[0]?.init, 'Authorization')).toBe('Bearer token-1');
    expect(headerOf(requests[0]?.init, 'Accept')).toBe('application/json');
  });
});
