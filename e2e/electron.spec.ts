// The real desktop app under Playwright's Electron driver: the window opens
// from app://commonplace, is sandboxed and isolated, and the renderer gets app
// info through the preload's Host. Where this machine has no Electron binary
// (it cannot be downloaded here) the test reports itself skipped, never passed.
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../scripts/electron-binary.ts';
import { AppInfoSchema } from '../shared/host.ts';
import { HOST_GLOBAL } from '../shared/ipc.ts';

const root = path.resolve(import.meta.dirname, '..');
const RELAY_URL = 'ws://127.0.0.1:4444';

test('desktop app: sandboxed window, app info reaches the renderer', async () => {
  const binary = findElectronBinary();
  if (!binary.ok) {
    test.skip(true, 'skipped: no Electron binary');
    return;
  }
  // Chromium refuses to run as root with its OS sandbox (CI containers run as
  // root); the page's own sandbox and isolation below are still asserted.
  const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: binary.path,
    args: [...chromiumFlags, root],
    env: { ...process.env, COMMONPLACE_RELAY_URL: RELAY_URL },
  });
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
        hostKeys: Object.keys((globalThis as unknown as Record<string, object>)[key] ?? {}),
      }),
      HOST_GLOBAL,
    );
    expect(globals).toEqual({ require: false, process: false, hostKeys: ['appInfo'] });

    const info = await page.evaluate(
      (key) =>
        (globalThis as unknown as Record<string, { appInfo(): Promise<unknown> }>)[key]?.appInfo(),
      HOST_GLOBAL,
    );
    expect(AppInfoSchema.parse(info)).toMatchObject({
      name: expect.any(String),
      platform: 'desktop',
      relayUrl: RELAY_URL,
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
