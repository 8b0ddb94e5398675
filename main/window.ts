import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * Web preferences of every window we open. Each line answers an item of the
 * Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security).
 */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true, // #4 Enable process sandboxing
    contextIsolation: true, // #3 Enable context isolation
    nodeIntegration: false, // #2 Do not enable Node.js integration for remote content
    nodeIntegrationInWorker: false, // #2 (workers too)
    nodeIntegrationInSubFrames: false, // #2 (subframes too)
    webSecurity: true, // #6 Do not disable webSecurity
    allowRunningInsecureContent: false, // #8 Do not enable allowRunningInsecureContent
    experimentalFeatures: false, // #9 Do not enable experimental features
    // #10 Do not use enableBlinkFeatures: deliberately absent.
    webviewTag: false, // #11, #12 No <webview> at all: no allowpopups, no guest options to verify
    navigateOnDragDrop: false, // #13 Disable or limit navigation (a dropped file or link must not replace the app)
    safeDialogs: true, // a page cannot trap the user in a loop of alert() dialogs
    spellcheck: true,
  };
}

/** Where the window opens (window-state.ts): the remembered place, or centred. */
export interface WindowBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Options of the main window: hidden until the first paint, then shown (no white flash). */
export function mainWindowOptions(
  preloadPath: string,
  bounds?: WindowBounds,
): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    ...bounds,
    minWidth: 480,
    minHeight: 360,
    title: 'Commonplace',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}

/** The part of Electron's `BrowserWindow` the window code uses. */
export interface WindowLike {
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export type WindowConstructor<W extends WindowLike> = new (
  options: BrowserWindowConstructorOptions,
) => W;

export interface CreateMainWindowOptions<W extends WindowLike> {
  readonly BrowserWindow: WindowConstructor<W>;
  readonly preloadPath: string;
  /** `app://commonplace/index.html`, or the dev server (see renderer-url.ts). */
  readonly url: string;
  /** The remembered place; the default size, centred by the OS, without it. */
  readonly bounds?: WindowBounds;
}

/** Opens the hardened main window and loads the renderer into it. */
export async function createMainWindow<W extends WindowLike>(
  options: CreateMainWindowOptions<W>,
): Promise<W> {
  const window = new options.BrowserWindow(mainWindowOptions(options.preloadPath, options.bounds));
  window.once('ready-to-show', () => {
    window.show();
  });
  await window.loadURL(options.url);
  return window;
}

/** Brings a window to the front (second launch, deep link). */
export function focusWindow(window: WindowLike): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
