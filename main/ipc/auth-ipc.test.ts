// The sign-in service behind the real IPC dispatch and event sender, against
// the real development IdP: what the renderer can obtain over IPC never
// contains the refresh token.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_AUDIENCE,
  DESKTOP_CLIENT_ID,
  startDevIdp,
  type DevIdp,
} from '../../idp/dev-idp.ts';
import { playBrowser } from '../../idp/testing.ts';
import { FakeSafeStorage, FakeShell } from '../auth/fakes.ts';
import { createSignInService } from '../auth/sign-in-service.ts';
import { createTokenStore } from '../auth/token-store.ts';
import { APP_ORIGIN } from '../config.ts';
import {
  FakeApp,
  FakeEventTarget,
  FakeIpcMain,
  fakeInvokeEvent,
} from '../testing/fake-electron.ts';
import { createEventSender, pushSessionChanges } from './events.ts';
import { createIpcHandlers } from './handlers.ts';
import { registerIpcHandlers } from './register.ts';

let idp: DevIdp;
let dir: string;
beforeAll(async () => {
  idp = await startDevIdp({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'auth-ipc-'));
});
afterAll(async () => {
  await idp.close();
  await rm(dir, { recursive: true, force: true });
});

describe('auth over IPC with the real sign-in service', () => {
  it('signs in, refreshes and signs out; no IPC result or event carries the refresh token', async () => {
    const safeStorage = new FakeSafeStorage();
    const shell = new FakeShell();
    shell.onOpen = (url) => {
      void playBrowser(url, { sub: 'emp-1005', follow: true });
    };
    const service = await createSignInService({
      issuer: idp.issuer,
      clientId: DESKTOP_CLIENT_ID,
      resource: DEFAULT_AUDIENCE,
      tokenDir: dir,
      safeStorage,
      openExternal: shell.openExternal,
      platform: 'linux',
    });
    const trustedOrigins = new Set([APP_ORIGIN]);
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({ app: new FakeApp(), relayUrl: 'ws://127.0.0.1:4444', signIn: service }),
      { trustedOrigins, log: () => undefined },
    );
    const window = new FakeEventTarget();
    const foreign = new FakeEventTarget('https://evil.example/');
    const stop = pushSessionChanges(
      service,
      () => [window, foreign],
      createEventSender({ trustedOrigins, log: () => undefined }),
    );
    const invoke = (channel: string, ...args: unknown[]) =>
      ipcMain.invoke(channel, fakeInvokeEvent(), ...args);
    const store = await createTokenStore({ dir, safeStorage, platform: 'linux' });
    const refreshTokens: string[] = [];
    const noteRefreshToken = async () => {
      const token = (await store.load())?.refreshToken;
      if (token !== undefined) refreshTokens.push(token);
    };

    try {
      const results: unknown[] = [await invoke('auth:session')];
      results.push(await invoke('auth:sign-in'));
      expect(results[1]).toMatchObject({
        status: 'signed-in',
        profile: { sub: 'emp-1005', name: 'Hedy Lamarr' },
      });
      await noteRefreshToken();
      const first = (await invoke('auth:access-token', {})) as { accessToken: string } | null;
      results.push(first);
      // The access token is a JWT for the relay's audience.
      const claims = JSON.parse(
        Buffer.from(first?.accessToken.split('.')[1] ?? '', 'base64url').toString(),
      ) as { aud?: unknown };
      expect(claims.aud).toBe(DEFAULT_AUDIENCE);

      // forceRefresh (after a 4401 from the relay) rotates the tokens.
      const second = (await invoke('auth:access-token', { forceRefresh: true })) as {
        accessToken: string;
      } | null;
      results.push(second);
      expect(second?.accessToken).not.toBe(first?.accessToken);
      await noteRefreshToken();
      expect(new Set(refreshTokens).size).toBe(2);

      results.push(await invoke('auth:session'));
      results.push(await invoke('auth:sign-out'));
      expect(results.at(-1)).toMatchObject({ status: 'signed-out' });
      expect(await invoke('auth:access-token', {})).toBeNull();

      // The window saw every change (signing-in, signed-in, refreshed, signed-out) ...
      const statuses = window.sent.map(
        ([event, payload]) => `${String(event)}:${(payload as { status: string }).status}`,
      );
      expect(statuses).toEqual([
        'auth:session-changed:signing-in',
        'auth:session-changed:signed-in',
        'auth:session-changed:signed-in',
        'auth:session-changed:signed-out',
      ]);
      // ... a window showing another origin saw nothing ...
      expect(foreign.sent).toEqual([]);
      // ... and neither results nor events contain any refresh token that existed.
      const everything = JSON.stringify([results, window.sent]);
      expect(refreshTokens.every((token) => token.length > 10)).toBe(true);
      for (const token of refreshTokens) expect(everything).not.toContain(token);
    } finally {
      stop();
      service.dispose();
    }
  });
});
