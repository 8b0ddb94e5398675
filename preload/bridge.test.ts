import { describe, expect, it } from 'vitest';
import type { SessionState } from '../shared/auth.ts';
import { createPreloadHost } from './bridge.ts';
import { FakeIpcRenderer } from '../main/testing/fake-electron.ts';

const info = {
  name: 'Commonplace',
  version: '0.1.0',
  platform: 'desktop',
  relayUrl: 'ws://127.0.0.1:4444',
};
const signedIn: SessionState = {
  status: 'signed-in',
  profile: { sub: 'emp-1001', name: 'Ada Lovelace' },
  accessTokenExpiresAt: 1_900_000_000_000,
  persistence: { refreshTokenPersisted: true },
};
const signedOut: SessionState = {
  status: 'signed-out',
  persistence: { refreshTokenPersisted: false, reason: 'no keyring' },
};

function setup() {
  const ipc = new FakeIpcRenderer();
  const warnings: string[] = [];
  const host = createPreloadHost(ipc, { warn: (m) => warnings.push(m) });
  return { ipc, host, warnings };
}

describe('createPreloadHost', () => {
  it('exposes the named Host functions only, frozen, and no Electron object', () => {
    const { host } = setup();
    expect(Object.keys(host).sort()).toEqual(
      [
        'accessToken',
        'appInfo',
        'notificationPermission',
        'notify',
        'onOpenNote',
        'onSessionChange',
        'requestNotificationPermission',
        'session',
        'signIn',
        'signOut',
        'takePendingNote',
        'settings',
        'changeSetting',
        'onUpdateReady',
        'restartToUpdate',
        'setBadge',
        'localDataProtection',
        'eraseLocalDataKeys',
      ].sort(),
    );
    expect(Object.isFrozen(host)).toBe(true);
    for (const value of Object.values(host)) expect(typeof value).toBe('function');
    expect(host).not.toHaveProperty('invoke');
    expect(host).not.toHaveProperty('ipcRenderer');
  });

  it('localDataProtection and eraseLocalDataKeys go through app:local-data-key, answers parsed', async () => {
    const { ipc, host } = setup();
    const key = Buffer.alloc(32, 7).toString('base64');
    ipc.answers.set('app:local-data-key', { status: 'encrypted', key, extra: 'dropped' });
    expect(await host.localDataProtection('emp-1')).toEqual({ status: 'encrypted', key });
    await host.eraseLocalDataKeys();
    expect(ipc.calls).toEqual([
      ['app:local-data-key', { op: 'get', owner: 'emp-1' }],
      ['app:local-data-key', { op: 'erase' }],
    ]);
    ipc.answers.set('app:local-data-key', { status: 'encrypted', key: 'short' });
    await expect(host.localDataProtection('emp-1')).rejects.toThrow();
  });

  it('appInfo invokes app:info with no arguments and returns the parsed result', async () => {
    const { ipc, host } = setup();
    ipc.answers.set('app:info', info);
    await expect(host.appInfo()).resolves.toEqual(info);
    expect(ipc.calls).toEqual([['app:info']]);
  });

  it('rejects a result that breaks the contract', async () => {
    const { ipc, host } = setup();
    ipc.answers.set('app:info', { ...info, platform: 'mainframe' });
    await expect(host.appInfo()).rejects.toThrow();
  });

  it('maps session, signIn and signOut to their channels and parses the state', async () => {
    const { ipc, host } = setup();
    ipc.answers.set('auth:session', signedOut);
    ipc.answers.set('auth:sign-in', { ...signedIn, refreshToken: 'leaked' });
    ipc.answers.set('auth:sign-out', signedOut);
    await expect(host.session()).resolves.toEqual(signedOut);
    const state = await host.signIn();
    // Even if main were wrong, a field outside the contract does not reach the page.
    expect(state).toEqual(signedIn);
    expect(state).not.toHaveProperty('refreshToken');
    await expect(host.signOut()).resolves.toEqual(signedOut);
    expect(ipc.calls).toEqual([['auth:session'], ['auth:sign-in'], ['auth:sign-out']]);
  });

  it('accessToken passes only the forceRefresh option and returns token or null', async () => {
    const { ipc, host } = setup();
    ipc.answers.set('auth:access-token', { accessToken: 'a.b.c', expiresAt: 5 });
    await expect(host.accessToken()).resolves.toEqual({ accessToken: 'a.b.c', expiresAt: 5 });
    await host.accessToken({ forceRefresh: true });
    await host.accessToken({ forceRefresh: false, other: 1 } as { forceRefresh: boolean });
    ipc.answers.set('auth:access-token', null);
    await expect(host.accessToken()).resolves.toBeNull();
    expect(ipc.calls).toEqual([
      ['auth:access-token', {}],
      ['auth:access-token', { forceRefresh: true }],
      ['auth:access-token', { forceRefresh: false }],
      ['auth:access-token', {}],
    ]);
  });

  it('onSessionChange delivers validated states only, never the Electron event', () => {
    const { ipc, host, warnings } = setup();
    const received: unknown[][] = [];
    const unsubscribe = host.onSessionChange((...args) => received.push(args));
    ipc.emit('auth:session-changed', signedIn);
    ipc.emit('auth:session-changed', { status: 'hacked' });
    ipc.emit('auth:session-changed', { ...signedOut, refreshToken: 'leaked' });
    ipc.emit('some-other-event', signedIn);
    expect(received).toEqual([[signedIn], [signedOut]]);
    expect(warnings).toEqual(['commonplace: dropped an invalid auth:session-changed event']);
    expect(JSON.stringify(received)).not.toContain('sender');

    unsubscribe();
    unsubscribe(); // idempotent
    ipc.emit('auth:session-changed', signedOut);
    expect(received).toHaveLength(2);
    expect(ipc.listenerCount('auth:session-changed')).toBe(0);
  });

  it('keeps separate subscriptions independent', () => {
    const { ipc, host } = setup();
    const a: SessionState[] = [];
    const b: SessionState[] = [];
    const stopA = host.onSessionChange((s) => a.push(s));
    host.onSessionChange((s) => b.push(s));
    stopA();
    ipc.emit('auth:session-changed', signedOut);
    expect(a).toEqual([]);
    expect(b).toEqual([signedOut]);
  });

  it('refuses a listener that is not a function', () => {
    const { host } = setup();
    expect(() => host.onSessionChange('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('notifications through the bridge', () => {
  const target = { spaceId: 'team', docId: 'plan' };

  it('settings and changeSetting cross as settings:get and settings:set, parsed both ways', async () => {
    const { ipc, host } = setup();
    const view = { values: { telemetry: false }, enforced: ['telemetry'] };
    ipc.answers.set('settings:get', view);
    ipc.answers.set('settings:set', view);
    await expect(host.settings?.()).resolves.toEqual(view);
    const change = { key: 'startAtLogin', value: true, extra: 'dropped' } as const;
    await expect(host.changeSetting?.(change)).resolves.toEqual(view);
    expect(ipc.calls).toEqual([
      ['settings:get'],
      ['settings:set', { key: 'startAtLogin', value: true }],
    ]);
    ipc.answers.set('settings:get', { values: {}, enforced: ['notASetting'] });
    await expect(host.settings?.()).rejects.toThrow();
  });

  it('passes the update-ready event on and asks main to restart to update', async () => {
    const { ipc, host } = setup();
    const seen: unknown[] = [];
    host.onUpdateReady?.((update) => seen.push(update));
    ipc.emit('app:update-ready', { version: '1.1.0', extra: 'dropped' });
    ipc.emit('app:update-ready', { version: '' });
    expect(seen).toEqual([{ version: '1.1.0' }]);
    ipc.answers.set('app:restart-to-update', true);
    await expect(host.restartToUpdate?.()).resolves.toBe(true);
  });

  it('setBadge sends only the number on app:set-badge', async () => {
    const { ipc, host } = setup();
    ipc.answers.set('app:set-badge', null);
    await host.setBadge?.(4);
    expect(ipc.calls).toEqual([['app:set-badge', 4]]);
  });

  it('takePendingNote invokes app:take-pending-note and parses the answer', async () => {
    const { ipc, host } = setup();
    ipc.answers.set('app:take-pending-note', target);
    await expect(host.takePendingNote()).resolves.toEqual(target);
    ipc.answers.set('app:take-pending-note', null);
    await expect(host.takePendingNote()).resolves.toBeNull();
    ipc.answers.set('app:take-pending-note', { spaceId: '..', docId: 'x' });
    await expect(host.takePendingNote()).rejects.toThrow();
    expect(ipc.calls).toEqual([
      ['app:take-pending-note'],
      ['app:take-pending-note'],
      ['app:take-pending-note'],
    ]);
  });

  it('notify invokes app:notify with the contract fields only', async () => {
    const { ipc, host } = setup();
    ipc.answers.set('app:notify', null);
    const request = { title: 'T', body: 'B', target: { ...target, extra: 1 }, token: 'x' };
    // Extra fields (a structural subtype) must not cross the bridge.
    await host.notify(request);
    expect(ipc.calls).toEqual([['app:notify', { title: 'T', body: 'B', target }]]);
  });

  it('onOpenNote passes valid app:open-note events on, drops invalid ones, and unsubscribes', () => {
    const { ipc, host, warnings } = setup();
    const seen: unknown[] = [];
    const off = host.onOpenNote((note) => seen.push(note));
    ipc.emit('app:open-note', target);
    ipc.emit('app:open-note', { spaceId: '../x', docId: 'plan' });
    expect(seen).toEqual([target]);
    expect(warnings).toEqual(['commonplace: dropped an invalid app:open-note event']);
    off();
    expect(ipc.listenerCount('app:open-note')).toBe(0);
  });
});
