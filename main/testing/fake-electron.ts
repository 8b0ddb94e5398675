// Hand-written FAKES of the few Electron APIs main uses. The Electron binary
// cannot be downloaded on this machine, so main's modules take these APIs as
// parameters and the tests pass these fakes; each fake implements the same
// narrow interface the real Electron object is type-checked against
// (main/index.ts passes the real ones, checked by tsconfig.main.json).
import type { BrowserWindowConstructorOptions } from 'electron';
import type { IpcRendererLike } from '../../preload/bridge.ts';
import { APP_ENTRY_URL } from '../config.ts';
import type { EventTargetLike } from '../ipc/events.ts';
import type { IpcMainLike } from '../ipc/register.ts';
import type { InvokeEventLike } from '../ipc/sender.ts';
import type {
  AppLike,
  NavigationEventLike,
  SessionLike,
  ShellLike,
  WebContentsLike,
} from '../security.ts';
import type { SingleInstanceApp } from '../single-instance.ts';
import type { WindowLike } from '../window.ts';

type IpcListener = Parameters<IpcMainLike['handle']>[1];

/** Fake `ipcMain`: `invoke` behaves like a renderer's `ipcRenderer.invoke`. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, IpcListener>();

  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) {
      // Electron throws on a second handler for one channel; so does the fake.
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  async invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    // Electron's own message for a channel nobody handles.
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return await listener(event, ...args);
  }
}

/** A fake IPC event from a frame at `url` (top-level unless `parent` is given). */
export function fakeInvokeEvent(
  url: string = APP_ENTRY_URL,
  parent: unknown = null,
): InvokeEventLike {
  return { senderFrame: { url, parent } };
}

/** A fake navigation/webview event that records `preventDefault`. */
export class FakeEvent implements NavigationEventLike {
  defaultPrevented = false;
  readonly url: string;

  constructor(url = '') {
    this.url = url;
  }

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type WindowOpenHandler = Parameters<WebContentsLike['setWindowOpenHandler']>[0];

/** Fake `webContents`: emits the events the security rules listen to. */
export class FakeWebContents implements WebContentsLike {
  readonly listeners = new Map<string, ((event: FakeEvent) => void)[]>();
  windowOpenHandler: WindowOpenHandler | undefined;

  on(event: string, listener: (event: FakeEvent) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Emits `name` with a fresh event; returns it so tests can see if it was prevented. */
  emit(name: string, url = ''): FakeEvent {
    const event = new FakeEvent(url);
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return event;
  }

  /** What `window.open(url)` in the page would get. */
  openWindow(url: string): { action: string } {
    if (this.windowOpenHandler === undefined) return { action: 'allow' };
    return this.windowOpenHandler({ url });
  }
}

/** Fake `app`: identity, single-instance lock and the events main listens to. */
export class FakeApp implements AppLike, SingleInstanceApp {
  readonly listeners = new Map<string, ((event: unknown, payload: never) => void)[]>();
  hasLock = true;
  quitCalls = 0;
  readonly protocolClients: { protocol: string; path?: string; args?: string[] }[] = [];

  getName(): string {
    return 'Commonplace';
  }

  getVersion(): string {
    return '0.1.0';
  }

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  quit(): void {
    this.quitCalls += 1;
  }

  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.protocolClients.push({
      protocol,
      ...(path === undefined ? {} : { path }),
      ...(args === undefined ? {} : { args }),
    });
    return true;
  }

  on(event: string, listener: (event: unknown, payload: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(name: string, payload: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) {
      // The fake stores listeners of several events in one map; each test
      // emits the payload its event carries in Electron.
      (listener as (event: unknown, payload: unknown) => void)({}, payload);
    }
  }

  /** Like Electron creating a window's contents: fires 'web-contents-created'. */
  createWebContents(): FakeWebContents {
    const contents = new FakeWebContents();
    this.emit('web-contents-created', contents);
    return contents;
  }
}

type RequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];

/** Fake `session`: asks the installed permission handlers like Chromium would. */
export class FakeSession implements SessionLike {
  requestHandler: RequestHandler | undefined;
  checkHandler: CheckHandler | undefined;

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  /** Resolves with what the request handler granted; Chromium's default with no handler is to grant. */
  requestPermission(permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (handler === undefined) return Promise.resolve(true);
    return new Promise((resolve) => {
      handler({}, permission, resolve, { requestingUrl });
    });
  }

  checkPermission(permission: string, requestingOrigin: string): boolean {
    return this.checkHandler === undefined
      ? true
      : this.checkHandler({}, permission, requestingOrigin);
  }
}

/** Fake `shell`: records what would have been opened in the system browser. */
export class FakeShell implements ShellLike {
  readonly opened: string[] = [];

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

/** Fake `BrowserWindow`: records its options and what it loaded. */
export class FakeBrowserWindow implements WindowLike {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly options: BrowserWindowConstructorOptions;
  loadedUrl: string | undefined;
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  private readyListeners: (() => void)[] = [];

  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    FakeBrowserWindow.instances.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    // Chromium fires ready-to-show after the first paint of the loaded page.
    for (const listener of this.readyListeners) listener();
    this.readyListeners = [];
    return Promise.resolve();
  }

  once(_event: 'ready-to-show', listener: () => void): this {
    this.readyListeners.push(listener);
    return this;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/**
 * Fake `ipcRenderer`: `invoke` answers from `answers` (by channel) and records
 * calls; `emit` delivers a main → renderer event the way Electron does, with
 * an event object whose `sender` is the ipcRenderer itself, which is exactly
 * what must never reach the page.
 */
export class FakeIpcRenderer implements IpcRendererLike {
  readonly calls: unknown[][] = [];
  readonly answers = new Map<string, unknown>();
  readonly listeners = new Map<string, Set<RendererListener>>();

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push([channel, ...args]);
    return Promise.resolve(this.answers.get(channel));
  }

  on(channel: string, listener: RendererListener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }

  removeListener(channel: string, listener: RendererListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  emit(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }
}

/** Fake `webContents` as an event target: records what main sent to it. */
export class FakeEventTarget implements EventTargetLike {
  readonly sent: unknown[][] = [];
  url: string;
  destroyed = false;

  constructor(url: string = APP_ENTRY_URL) {
    this.url = url;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}
