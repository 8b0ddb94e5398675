import { describe, expect, it, vi } from 'vitest';
import { HOST_GLOBAL } from '../../shared/ipc.ts';
import { memoryStore } from '../auth/index.ts';
import { desktopHost, resolveHost, webHost } from './index.ts';

const IDENTITY = {
  issuer: 'https://idp.example',
  clientId: 'commonplace-web',
  audience: 'urn:commonplace:relay',
};
const SIGNED_IN = {
  status: 'signed-in',
  profile: { sub: 'emp-1', name: 'Ada' },
  accessTokenExpiresAt: 1000,
  persistence: { refreshTokenPersisted: true },
};

/** A stand-in for the preload's bridge (the Electron binary is not available here). */
function fakeBridge(overrides: Record<string, unknown> = {}) {
  const listeners: ((state: unknown) => void)[] = [];
  return {
    listeners,
    bridge: {
      appInfo: () => Promise.resolve(INFO),
      session: () => Promise.resolve(SIGNED_IN),
      signIn: () => Promise.resolve(SIGNED_IN),
      signOut: () =>
        Promise.resolve({ status: 'signed-out', persistence: { refreshTokenPersisted: true } }),
      accessToken: (o: unknown) => Promise.resolve(o && { accessToken: 'at', expiresAt: 5 }),
      onSessionChange: (listener: (state: unknown) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
      ...overrides,
    },
  };
}

const noLocation = {
  href: () => 'https://app.example/',
  assign: () => undefined,
  replace: () => undefined,
};

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
    const host = desktopHost({ [HOST_GLOBAL]: fakeBridge().bridge });
    await expect(host?.appInfo()).resolves.toEqual(INFO);
    await expect(host?.session()).resolves.toEqual(SIGNED_IN);
    await expect(host?.accessToken({ forceRefresh: true })).resolves.toEqual({
      accessToken: 'at',
      expiresAt: 5,
    });
    await expect(host?.signOut()).resolves.toMatchObject({ status: 'signed-out' });
    const bad = desktopHost({
      [HOST_GLOBAL]: fakeBridge({
        appInfo: () => Promise.resolve({ ...INFO, relayUrl: 'http://x' }),
        session: () => Promise.resolve({ status: 'signed-in', refreshToken: 'leak' }),
        accessToken: () => Promise.resolve({ accessToken: '' }),
      }).bridge,
    });
    await expect(bad?.appInfo()).rejects.toThrow();
    await expect(bad?.session()).rejects.toThrow();
    await expect(bad?.accessToken()).rejects.toThrow();
  });

  it('passes on valid session events only, and unsubscribes', () => {
    const fake = fakeBridge();
    const host = desktopHost({ [HOST_GLOBAL]: fake.bridge });
    const seen: unknown[] = [];
    const off = host?.onSessionChange((s) => seen.push(s.status));
    fake.listeners[0]?.(SIGNED_IN);
    fake.listeners[0]?.({ status: 'hacked' });
    expect(seen).toEqual(['signed-in']);
    off?.();
    expect(fake.listeners).toHaveLength(0);
  });

  it('refuses a global that is not a bridge', () => {
    expect(() => desktopHost({ [HOST_GLOBAL]: 'hello' })).toThrow(/not a Commonplace host bridge/);
    expect(() => desktopHost({ [HOST_GLOBAL]: { appInfo: () => INFO } })).toThrow(
      /not a Commonplace host bridge/,
    );
  });
});

describe('webHost', () => {
  it('fetches /config.json from its own origin', async () => {
    const requested: string[] = [];
    const fetchFn = vi.fn((url: URL | RequestInfo) => {
      requested.push(url instanceof URL ? url.href : typeof url === 'string' ? url : url.url);
      return Promise.resolve(
        jsonResponse({ relayUrl: 'wss://relay.example/', identity: IDENTITY }),
      );
    });
    const host = webHost({
      origin: 'https://app.example',
      fetch: fetchFn,
      version: '0.1.0',
      storage: memoryStore(),
      location: noLocation,
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
      jsonResponse({ relayUrl: 'ws://127.0.0.1:1', identity: IDENTITY }),
    ];
    const fetchFn = vi.fn(() => Promise.resolve(responses.shift() ?? jsonResponse({}, 500)));
    const host = webHost({
      origin: 'http://127.0.0.1:5173',
      fetch: fetchFn,
      version: '0.1.0',
      storage: memoryStore(),
      location: noLocation,
    });
    await expect(host.appInfo()).rejects.toThrow(/config\.json: HTTP 404/);
    await expect(host.appInfo()).rejects.toThrow(/config\.json is invalid/);
    await expect(host.appInfo()).rejects.toThrow(/identity/);
    await expect(host.appInfo()).resolves.toMatchObject({ relayUrl: 'ws://127.0.0.1:1' });
  });
});

describe('resolveHost', () => {
  it('prefers the desktop bridge when the preload provided one', async () => {
    Reflect.set(window, HOST_GLOBAL, fakeBridge().bridge);
    try {
      await expect(resolveHost(window).appInfo()).resolves.toMatchObject({ platform: 'desktop' });
    } finally {
      Reflect.deleteProperty(window, HOST_GLOBAL);
    }
  });
});
