// The real desktop app under Playwright's Electron driver: the window opens
// from app://commonplace, is sandboxed and isolated, the renderer gets app
// info and the session through the preload's Host, and sign-in runs the real
// code flow against the development IdP. Where this machine has no Electron
// binary (it cannot be downloaded here) each test reports itself skipped,
// never passed.
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { startDevIdp } from '../idp/dev-idp.ts';
import { playBrowser } from '../idp/testing.ts';
import { findElectronBinary } from '../scripts/electron-binary.ts';
import { AppInfoSchema, type Host } from '../shared/host.ts';
import { HOST_GLOBAL } from '../shared/ipc.ts';

const root = path.resolve(import.meta.dirname, '..');
const RELAY_URL = 'ws://127.0.0.1:4444';

/** The page's `window.commonplace`, typed for page.evaluate callbacks. */
type PageGlobals = Record<string, Host | undefined> & { sessionEvents?: string[] };

/** The Electron executable, or null after marking the test skipped. */
function electronOrSkip(): string | null {
  const binary = findElectronBinary();
  if (binary.ok) return binary.path;
  test.skip(true, 'skipped: no Electron binary');
  return null;
}

/** Launches the app with `env` laid over the environment (minus any COMMONPLACE_ setting). */
async function launch(binary: string, env: Record<string, string>): Promise<ElectronApplication> {
  // The developer's own identity settings must not leak into the test.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^COMMONPLACE_/.test(key)),
  );
  // Chromium refuses to run as root with its OS sandbox (CI containers run as
  // root); the page's own sandbox and isolation below are still asserted.
  const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return electron.launch({
    executablePath: binary,
    args: [...chromiumFlags, root],
    env: { ...base, COMMONPLACE_RELAY_URL: RELAY_URL, ...env },
  });
}

test('desktop app: sandboxed window, app info reaches the renderer', async () => {
  const binary = electronOrSkip();
  if (binary === null) return;
  const app = await launch(binary, {});
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/commonplace\//);

    // getLastWebPreferences is undocumented (absent from electron.d.ts) but is
    // what Electron's own specs read; if it ever goes, this fails, not passes.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as
        { getLastWebPreferences?: () => unknown } | undefined;
      return contents?.getLastWebPreferences?.() ?? null;
    });
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });

    // Nothing of Node or Electron leaks into the page; the host is named functions only.
    const globals = await page.evaluate(
      (key) => ({
        require: 'require' in globalThis,
        process: 'process' in globalThis,
        hostKeys: Object.keys((globalThis as unknown as PageGlobals)[key] ?? {}).sort(),
      }),
      HOST_GLOBAL,
    );
    expect(globals).toEqual({
      require: false,
      process: false,
      hostKeys: [
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
      ],
    });

    const info = await page.evaluate(
      (key) => (globalThis as unknown as PageGlobals)[key]?.appInfo(),
      HOST_GLOBAL,
    );
    expect(AppInfoSchema.parse(info)).toMatchObject({
      name: expect.any(String),
      platform: 'desktop',
      relayUrl: RELAY_URL,
    });

    // Without COMMONPLACE_ISSUER the app opens and says why sign-in is off.
    const session = await page.evaluate(
      (key) => (globalThis as unknown as PageGlobals)[key]?.session(),
      HOST_GLOBAL,
    );
    expect(session).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('COMMONPLACE_ISSUER'),
    });

    // Navigation away from the app is cancelled by main (checklist #13).
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href =
        'https://example.com/';
    });
    await expect.poll(() => page.url()).toMatch(/^app:\/\/commonplace\//);
  } finally {
    await app.close();
  }
});

test('desktop app: sign-in through the system browser with the development IdP', async () => {
  const binary = electronOrSkip();
  if (binary === null) return;
  const idp = await startDevIdp({ port: 0 });
  try {
    const app = await launch(binary, { COMMONPLACE_ISSUER: idp.issuer });
    try {
      // The "system browser" is this test: main's shell.openExternal is
      // replaced so the authorization URL comes here instead.
      await app.evaluate(({ shell }) => {
        const store = globalThis as unknown as { externalUrls: string[] };
        store.externalUrls = [];
        shell.openExternal = (url: string) => {
          store.externalUrls.push(url);
          return Promise.resolve();
        };
      });
      const page = await app.firstWindow();
      await page.evaluate((key) => {
        const g = globalThis as unknown as PageGlobals;
        g.sessionEvents = [];
        g[key]?.onSessionChange((state) => g.sessionEvents?.push(state.status));
      }, HOST_GLOBAL);

      const signingIn = page.evaluate(
        (key) => (globalThis as unknown as PageGlobals)[key]?.signIn(),
        HOST_GLOBAL,
      );
      const externalUrl = async () =>
        app.evaluate(
          () => (globalThis as unknown as { externalUrls: string[] }).externalUrls[0] ?? '',
        );
      await expect.poll(externalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      const authorizationUrl = new URL(await externalUrl());
      expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizationUrl.searchParams.get('redirect_uri')).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
      );
      const { response } = await playBrowser(authorizationUrl, { sub: 'emp-1002', follow: true });
      expect(response?.status).toBe(200);
      expect(await signingIn).toMatchObject({
        status: 'signed-in',
        profile: { sub: 'emp-1002', name: 'Grace Hopper' },
      });
      await expect
        .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).sessionEvents ?? []))
        .toEqual(expect.arrayContaining(['signing-in', 'signed-in']));

      const token = await page.evaluate(
        (key) => (globalThis as unknown as PageGlobals)[key]?.accessToken(),
        HOST_GLOBAL,
      );
      expect(token?.accessToken.split('.')).toHaveLength(3);
      expect(JSON.stringify(token)).not.toContain('refresh');

      const signedOut = await page.evaluate(
        (key) => (globalThis as unknown as PageGlobals)[key]?.signOut(),
        HOST_GLOBAL,
      );
      expect(signedOut).toMatchObject({ status: 'signed-out' });
    } finally {
      await app.close();
    }
  } finally {
    await idp.close();
  }
});

test('desktop app: managed settings and updates reach the renderer through the preload', async () => {
  const binary = electronOrSkip();
  if (binary === null) return;
  const app = await launch(binary, {});
  try {
    const page = await app.firstWindow();
    // An unmanaged test machine: every setting has a value, none is locked.
    const view = await page.evaluate(
      (key) => (globalThis as unknown as PageGlobals)[key]?.settings?.(),
      HOST_GLOBAL,
    );
    expect(view?.enforced).toEqual([]);
    expect(view?.values).toMatchObject({ updatesAllowed: true, offlineGraceDays: 14 });
    const changed = await page.evaluate(
      (key) =>
        (globalThis as unknown as PageGlobals)[key]?.changeSetting?.({
          key: 'notifications',
          value: 'off',
        }),
      HOST_GLOBAL,
    );
    expect(changed?.values.notifications).toBe('off');
    // No update server is configured here, so there is nothing to install.
    const restarted = await page.evaluate(
      (key) => (globalThis as unknown as PageGlobals)[key]?.restartToUpdate?.(),
      HOST_GLOBAL,
    );
    expect(restarted).toBe(false);
  } finally {
    await app.close();
  }
});
