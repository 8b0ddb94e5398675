import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBrowserWindow } from './testing/fake-electron.ts';
import {
  createMainWindow,
  focusWindow,
  hardenedWebPreferences,
  mainWindowOptions,
} from './window.ts';

describe('hardenedWebPreferences', () => {
  it('turns on every isolation the checklist asks for', () => {
    const prefs = hardenedWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('is what the main window uses, and the window starts hidden', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options.webPreferences).toEqual(hardenedWebPreferences('/p.cjs'));
    expect(options.show).toBe(false);
  });

  it('opens at a remembered place without loosening any preference', () => {
    const bounds = { x: 1700, y: 100, width: 1400, height: 900 };
    const options = mainWindowOptions('/p.cjs', bounds);
    expect(options).toMatchObject(bounds);
    expect(options.webPreferences).toEqual(hardenedWebPreferences('/p.cjs'));
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
  });

  it('opens one hardened window, loads the renderer and shows it when ready', async () => {
    const window = await createMainWindow({
      BrowserWindow: FakeBrowserWindow,
      preloadPath: '/app/out/preload/index.cjs',
      url: 'app://commonplace/index.html',
    });
    expect(FakeBrowserWindow.instances).toEqual([window]);
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(window.options.webPreferences?.contextIsolation).toBe(true);
    expect(window.options.webPreferences?.nodeIntegration).toBe(false);
    expect(window.loadedUrl).toBe('app://commonplace/index.html');
    expect(window.visible).toBe(true);
  });

  it('focusWindow restores a minimised window and brings it forward', () => {
    const window = new FakeBrowserWindow({});
    window.minimized = true;
    focusWindow(window);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('focusWindow leaves a destroyed window alone', () => {
    const window = new FakeBrowserWindow({});
    window.destroyed = true;
    focusWindow(window);
    expect(window.focused).toBe(false);
  });
});
