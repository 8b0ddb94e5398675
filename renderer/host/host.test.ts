import { describe, expect, it, vi } from 'vitest';
import { HOST_GLOBAL } from '../../shared/ipc.ts';
import { memoryStore } from '../auth/index.ts';
import { browserNotifications, desktopHost, resolveHost, webHost } from './index.ts';

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
  const openListeners: ((target: unknown) => void)[] = [];
  const notified: unknown[] = [];
  const pending: unknown[] = [];
  return {
    listeners,
    openListeners,
    notified,
    pending,
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
      notify: (request: unknown) => {
        notified.push(request);
        return Promise.resolve(null);
      },
      onOpenNote: (listener: (target: unknown) => void) => {
        openListeners.push(listener);
        return () => openListeners.splice(openListeners.indexOf(listener), 1);
      },
      takePendingNote: () => Promise.resolve(pending.shift() ?? null),
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

  it('passes on a policy-allowed plain fallback and refuses a malformed one', async () => {
    const answer = (value: unknown) =>
      desktopHost({
        [HOST_GLOBAL]: fakeBridge({ localDataProtection: () => Promise.resolve(value) }).bridge,
      });
    await expect(
      answer({ status: 'plain', fallback: 'no-keyring' })?.localDataProtection('emp-1'),
    ).resolves.toEqual({ status: 'plain', fallback: 'no-keyring' });
    await expect(
      answer({ status: 'plain', fallback: 'because' })?.localDataProtection('emp-1'),
    ).rejects.toThrow();
  });

  it('refuses a global that is not a bridge', () => {
    expect(() => desktopHost({ [HOST_GLOBAL]: 'hello' })).toThrow(/not a Commonplace host bridge/);
    expect(() => desktopHost({ [HOST_GLOBAL]: { appInfo: () => INFO } })).toThrow(
      /not a Commonplace host bridge/,
    );
  });

  it('passes settings (validated) and the badge count (a whole number in range) when the bridge has them', async () => {
    const badges: unknown[] = [];
    const host = desktopHost({
      [HOST_GLOBAL]: fakeBridge({
        settings: () => Promise.resolve({ values: { offlineGraceDays: 7 }, enforced: [] }),
        changeSetting: (change: { value: unknown }) =>
          Promise.resolve({ values: { startAtLogin: change.value }, enforced: [] }),
        setBadge: (n: unknown) => {
          badges.push(n);
          return Promise.resolve(null);
        },
      }).bridge,
    });
    await expect(host?.settings?.()).resolves.toEqual({
      values: { offlineGraceDays: 7 },
      enforced: [],
    });
    await expect(host?.changeSetting?.({ key: 'startAtLogin', value: true })).resolves.toEqual({
      values: { startAtLogin: true },
      enforced: [],
    });
    await expect(
      host?.changeSetting?.({ key: 'offlineGraceDays', value: 99 } as never),
    ).rejects.toThrow();
    await host?.setBadge?.(3.7);
    await host?.setBadge?.(-2);
    await host?.setBadge?.(Number.NaN);
    expect(badges).toEqual([3, 0, 0]);
    // An older bridge without them: the host simply lacks them.
    expect(desktopHost({ [HOST_GLOBAL]: fakeBridge().bridge })).not.toHaveProperty('setBadge');
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
    // Typed, so that the start screen says it in the UI language with the details beside.
    await expect(host.appInfo()).rejects.toMatchObject({
      name: 'ConfigProblem',
      kind: 'invalid',
      details: expect.stringMatching(/^relayUrl: /) as unknown,
    });
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

describe('notifications', () => {
  const target = { spaceId: 'team', docId: 'plan' };
  const request = { title: 'Grace mentioned you', body: 'hello', target };

  it('desktop: notify goes to the bridge after validation; open-note events are parsed', async () => {
    const fake = fakeBridge();
    const host = desktopHost({ [HOST_GLOBAL]: fake.bridge });
    await host?.notify(request);
    await expect(
      host?.notify({ ...request, body: 'eyJhbGciOiJI.eyJzdWIiOiJ4In0.sig' }),
    ).rejects.toThrow();
    expect(fake.notified).toEqual([request]);
    const opened: unknown[] = [];
    host?.onOpenNote((t) => opened.push(t));
    fake.openListeners[0]?.(target);
    fake.openListeners[0]?.({ spaceId: '..', docId: 'x' });
    expect(opened).toEqual([target]);
    expect(host?.notificationPermission()).toBe('granted');
  });

  it("desktop: takePendingNote answers the bridge's target, validated", async () => {
    const fake = fakeBridge();
    const host = desktopHost({ [HOST_GLOBAL]: fake.bridge });
    fake.pending.push(target, { spaceId: '..', docId: 'x' });
    await expect(host?.takePendingNote()).resolves.toEqual(target);
    await expect(host?.takePendingNote()).rejects.toThrow();
    await expect(host?.takePendingNote()).resolves.toBeNull();
  });

  it('web: takePendingNote answers null (the address bar carries links)', async () => {
    await expect(web().takePendingNote()).resolves.toBeNull();
  });

  /** A recording stand-in for the browser's Notification API (see web-notifications.ts). */
  function recordingNotifications(permission: 'granted' | 'default' | 'denied') {
    const shown: { title: string; body: string; click: () => void }[] = [];
    let current: 'granted' | 'default' | 'denied' = permission;
    return {
      shown,
      api: {
        permission: () => current,
        requestPermission: () => {
          current = 'granted';
          return Promise.resolve(current);
        },
        show: (title: string, body: string, click: () => void) => {
          shown.push({ title, body, click });
        },
      },
    };
  }

  function web(notifications?: ReturnType<typeof recordingNotifications>['api']) {
    return webHost({
      origin: 'https://app.example',
      fetch: () => Promise.reject(new Error('offline')),
      version: '0.1.0',
      storage: memoryStore(),
      location: noLocation,
      ...(notifications === undefined ? {} : { notifications }),
    });
  }

  it('web: shows nothing until permission is granted from a click, then a click opens the note', async () => {
    const rec = recordingNotifications('default');
    const host = web(rec.api);
    const opened: unknown[] = [];
    host.onOpenNote((t) => opened.push(t));
    await host.notify(request);
    expect(rec.shown).toEqual([]);
    expect(host.notificationPermission()).toBe('default');
    await expect(host.requestNotificationPermission()).resolves.toBe('granted');
    await host.notify(request);
    expect(rec.shown.map((n) => [n.title, n.body])).toEqual([['Grace mentioned you', 'hello']]);
    rec.shown[0]?.click();
    expect(opened).toEqual([target]);
    await expect(
      host.notify({ ...request, target: { spaceId: 'a/b', docId: 'c' } }),
    ).rejects.toThrow();
  });

  it('web: without the Notification API it says unsupported', async () => {
    const host = web();
    expect(host.notificationPermission()).toBe('unsupported');
    await expect(host.requestNotificationPermission()).resolves.toBe('unsupported');
    await expect(host.notify(request)).resolves.toBeUndefined();
  });

  it('browserNotifications wraps the real API shape: a click focuses the tab first', () => {
    const made: {
      title: string;
      options: unknown;
      onclick: (() => void) | null;
      closed: boolean;
    }[] = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      closed = false;
      constructor(title: string, options: unknown) {
        made.push(Object.assign(this, { title, options }));
      }
      close() {
        this.closed = true;
      }
    }
    const calls: string[] = [];
    const api = browserNotifications({
      focus: () => calls.push('focus'),
      Notification: RecordingNotification as unknown as typeof Notification,
    });
    expect(api.permission()).toBe('granted');
    api.show('T', 'B', () => calls.push('open'));
    expect(made[0]).toMatchObject({ title: 'T', options: { body: 'B' } });
    made[0]?.onclick?.();
    expect(calls).toEqual(['focus', 'open']);
    expect(made[0]?.closed).toBe(true);
  });
});
