import { describe, expect, it, vi } from 'vitest';
import { HOST_GLOBAL } from '../../shared/ipc.ts';
import { desktopHost, resolveHost, webHost } from './index.ts';

const INFO = {
  name: 'Commonplace',
  version: '1.2.3',
  platform: 'desktop',
  relayUrl: 'ws://127.0.0.1:4444',
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('desktopHost', () => {
  it('is absent in a plain browser', () => {
    expect(desktopHost({})).toBeNull();
  });

  it('uses the preload bridge and validates what it returns', async () => {
    const host = desktopHost({ [HOST_GLOBAL]: { appInfo: () => Promise.resolve(INFO) } });
    await expect(host?.appInfo()).resolves.toEqual(INFO);
    const bad = desktopHost({
      [HOST_GLOBAL]: { appInfo: () => Promise.resolve({ ...INFO, relayUrl: 'http://x' }) },
    });
    await expect(bad?.appInfo()).rejects.toThrow();
  });

  it('refuses a global that is not a bridge', () => {
    expect(() => desktopHost({ [HOST_GLOBAL]: 'hello' })).toThrow(/not a Commonplace host bridge/);
  });
});

describe('webHost', () => {
  it('fetches /config.json from its own origin', async () => {
    const requested: string[] = [];
    const fetchFn = vi.fn((url: URL | RequestInfo) => {
      requested.push(url instanceof URL ? url.href : typeof url === 'string' ? url : url.url);
      return Promise.resolve(jsonResponse({ relayUrl: 'wss://relay.example/' }));
    });
    const host = webHost({
      origin: 'https://app.example',
      fetch: fetchFn,
      version: '0.1.0',
    });
    await expect(host.appInfo()).resolves.toEqual({
      name: 'Commonplace',
      version: '0.1.0',
      platform: 'web',
      relayUrl: 'wss://relay.example/',
    });
    expect(requested).toEqual(['https://app.example/config.json']);
    await host.appInfo();
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('explains a missing or invalid config, and retries later', async () => {
    const responses = [
      jsonResponse({}, 404),
      jsonResponse({ relayUrl: 'javascript:alert(1)' }),
      jsonResponse({ relayUrl: 'ws://127.0.0.1:1' }),
    ];
    const fetchFn = vi.fn(() => Promise.resolve(responses.shift() ?? jsonResponse({}, 500)));
    const host = webHost({
      origin: 'http://127.0.0.1:5173',
      fetch: fetchFn,
      version: '0.1.0',
    });
    await expect(host.appInfo()).rejects.toThrow(/config\.json: HTTP 404/);
    await expect(host.appInfo()).rejects.toThrow(/config\.json is invalid/);
    await expect(host.appInfo()).resolves.toMatchObject({ relayUrl: 'ws://127.0.0.1:1' });
  });
});

describe('resolveHost', () => {
  it('prefers the desktop bridge when the preload provided one', async () => {
    Reflect.set(window, HOST_GLOBAL, { appInfo: () => Promise.resolve(INFO) });
    try {
      await expect(resolveHost(window).appInfo()).resolves.toMatchObject({ platform: 'desktop' });
    } finally {
      Reflect.deleteProperty(window, HOST_GLOBAL);
    }
  });
});
