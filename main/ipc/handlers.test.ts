import { describe, expect, it } from 'vitest';
import { FakeSignInService } from '../auth/fakes.ts';
import { FakeApp, FakeIpcMain, fakeInvokeEvent } from '../testing/fake-electron.ts';
import { APP_ORIGIN } from '../config.ts';
import { createIpcHandlers } from './handlers.ts';
import { registerIpcHandlers } from './register.ts';

function setup() {
  const service = new FakeSignInService();
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({ app: new FakeApp(), relayUrl: 'ws://127.0.0.1:4444', signIn: service }),
    { trustedOrigins: new Set([APP_ORIGIN]), log: () => undefined },
  );
  const invoke = (channel: string, ...args: unknown[]) =>
    ipcMain.invoke(channel, fakeInvokeEvent(), ...args);
  return { service, invoke };
}

describe('app:set-badge', () => {
  it('passes a whole unread count to the badge and refuses anything else', async () => {
    const counts: number[] = [];
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        app: new FakeApp(),
        relayUrl: 'ws://127.0.0.1:4444',
        signIn: new FakeSignInService(),
        badge: { set: (count) => counts.push(count) },
      }),
      { trustedOrigins: new Set([APP_ORIGIN]), log: () => undefined },
    );
    const invoke = (...args: unknown[]) =>
      ipcMain.invoke('app:set-badge', fakeInvokeEvent(), ...args);
    await expect(invoke(3)).resolves.toBeNull();
    for (const bad of [-1, 2.5, '4', 1e9, null]) await expect(invoke(bad)).rejects.toThrow();
    await expect(invoke(1, 2)).rejects.toThrow();
    // A frame from elsewhere cannot set it either.
    await expect(
      ipcMain.invoke('app:set-badge', fakeInvokeEvent('https://evil.example/'), 5),
    ).rejects.toThrow();
    expect(counts).toEqual([3]);
  });
});

describe('auth IPC handlers (fake sign-in service)', () => {
  it('auth:session answers the current state', async () => {
    const { invoke } = setup();
    await expect(invoke('auth:session')).resolves.toEqual({
      status: 'signed-out',
      persistence: { refreshTokenPersisted: true },
    });
  });

  it('auth:sign-in and auth:sign-out drive the service and return the new state', async () => {
    const { service, invoke } = setup();
    await expect(invoke('auth:sign-in')).resolves.toMatchObject({
      status: 'signed-in',
      profile: { sub: 'emp-1001' },
    });
    await expect(invoke('auth:sign-out')).resolves.toMatchObject({ status: 'signed-out' });
    expect(service.calls).toEqual(['signIn', 'signOut']);
  });

  it('auth:access-token passes forceRefresh through, and answers null when signed out', async () => {
    const { service, invoke } = setup();
    await expect(invoke('auth:access-token', {})).resolves.toBeNull();
    await invoke('auth:sign-in');
    await expect(invoke('auth:access-token', {})).resolves.toEqual({
      accessToken: 'header.payload.signature',
      expiresAt: 1_900_000_000_000,
    });
    await invoke('auth:access-token', { forceRefresh: true });
    await invoke('auth:access-token', { forceRefresh: false });
    expect(service.calls).toEqual([
      'getAccessToken',
      'signIn',
      'getAccessToken',
      'getAccessToken(force)',
      'getAccessToken',
    ]);
  });

  it.each([[[]], [[{ forceRefresh: 'yes' }]], [[{ forceRefresh: true, scope: 'admin' }]]])(
    'auth:access-token refuses arguments %j without asking the service',
    async (args) => {
      const { service, invoke } = setup();
      await expect(invoke('auth:access-token', ...args)).rejects.toThrow('[bad-arguments]');
      expect(service.calls).toEqual([]);
    },
  );

  it('never returns the refresh token, even when the service tries to hand it out', async () => {
    const { service, invoke } = setup();
    const results = [
      await invoke('auth:session'),
      await invoke('auth:sign-in'),
      await invoke('auth:session'),
      await invoke('auth:access-token', {}),
      await invoke('auth:access-token', { forceRefresh: true }),
      await invoke('auth:sign-out'),
    ];
    // The fake smuggles it into sign-in and token answers; the contract strips it.
    expect(JSON.stringify(service.state)).toBe(JSON.stringify(results[5]));
    expect(JSON.stringify(results)).not.toContain(service.refreshToken);
  });
});
