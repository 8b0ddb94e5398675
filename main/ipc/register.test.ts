import { describe, expect, it, vi } from 'vitest';
import { AppInfoSchema } from '../../shared/host.ts';
import { IPC_CHANNELS } from '../../shared/ipc.ts';
import { APP_ORIGIN } from '../config.ts';
import { FakeSignInService } from '../auth/fakes.ts';
import { FakeApp, FakeIpcMain, fakeInvokeEvent } from '../testing/fake-electron.ts';
import { createIpcHandlers, type IpcHandlers } from './handlers.ts';
import { createIpcDispatch, registerIpcHandlers } from './register.ts';

const trustedOrigins = new Set([APP_ORIGIN]);
const RELAY = 'ws://127.0.0.1:4444';

const realHandlers = (): IpcHandlers =>
  createIpcHandlers({ app: new FakeApp(), relayUrl: RELAY, signIn: new FakeSignInService() });

/** The real handlers with `app:info` replaced (the channel these tests exercise). */
const withAppInfo = (appInfo: IpcHandlers['app:info']): IpcHandlers => ({
  ...realHandlers(),
  'app:info': appInfo,
});

function setup(handlers: IpcHandlers = realHandlers()) {
  const ipcMain = new FakeIpcMain();
  const logs: string[] = [];
  registerIpcHandlers(ipcMain, handlers, { trustedOrigins, log: (m) => logs.push(m) });
  return { ipcMain, logs };
}

function spyHandlers() {
  const appInfo = vi.fn(() => ({
    name: 'Commonplace',
    version: '0.1.0',
    platform: 'desktop' as const,
    relayUrl: RELAY,
  }));
  return { appInfo, handlers: withAppInfo(appInfo) };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers app:info from our own main frame with a contract-valid result', async () => {
    const { ipcMain } = setup();
    const info = await ipcMain.invoke('app:info', fakeInvokeEvent());
    expect(AppInfoSchema.parse(info)).toEqual({
      name: 'Commonplace',
      version: '0.1.0',
      platform: 'desktop',
      relayUrl: RELAY,
    });
  });

  it('has no handler for a channel outside the contract', async () => {
    const { ipcMain } = setup();
    await expect(ipcMain.invoke('fs:readFile', fakeInvokeEvent(), '/etc/passwd')).rejects.toThrow(
      "No handler registered for 'fs:readFile'",
    );
  });

  it('refuses to register handlers for channels outside the contract', () => {
    const handlers = { ...spyHandlers().handlers, 'shell:exec': () => 'nope' };
    expect(() => registerIpcHandlers(new FakeIpcMain(), handlers, { trustedOrigins })).toThrow(
      'IPC handlers for channels outside the contract: shell:exec',
    );
  });
});

describe('createIpcDispatch', () => {
  it('rejects an unknown channel without calling any handler', async () => {
    const { appInfo, handlers } = spyHandlers();
    const dispatch = createIpcDispatch(handlers, { trustedOrigins, log: () => undefined });
    await expect(dispatch('__proto__', fakeInvokeEvent(), [])).rejects.toThrow('[unknown-channel]');
    await expect(dispatch('toString', fakeInvokeEvent(), [])).rejects.toThrow('[unknown-channel]');
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('rejects bad arguments with a clear message and never calls the handler', async () => {
    const { appInfo, handlers } = spyHandlers();
    const { ipcMain } = setup(handlers);
    await expect(ipcMain.invoke('app:info', fakeInvokeEvent(), 'extra', { x: 1 })).rejects.toThrow(
      /\[bad-arguments\] app:info: invalid arguments/,
    );
    expect(appInfo).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign origin', fakeInvokeEvent('https://evil.example/index.html')],
    ['a file: page', fakeInvokeEvent('file:///tmp/index.html')],
    ['a lookalike host', fakeInvokeEvent('app://commonplace.evil/index.html')],
    ['a subframe on our origin', fakeInvokeEvent(`${APP_ORIGIN}/index.html`, { url: APP_ORIGIN })],
    ['a destroyed frame', { senderFrame: null }],
    ['an unparseable URL', fakeInvokeEvent('not a url')],
  ])('rejects %s as sender', async (_name, event) => {
    const { appInfo, handlers } = spyHandlers();
    const { ipcMain, logs } = setup(handlers);
    await expect(ipcMain.invoke('app:info', event)).rejects.toThrow('[forbidden-sender]');
    expect(appInfo).not.toHaveBeenCalled();
    expect(logs.join('\n')).toContain('refused app:info');
  });

  it('refuses a result that breaks the contract instead of returning it', async () => {
    const { ipcMain, logs } = setup(
      withAppInfo(() => ({ name: '', version: '1', platform: 'desktop', relayUrl: 'http://x' })),
    );
    await expect(ipcMain.invoke('app:info', fakeInvokeEvent())).rejects.toThrow(
      '[bad-result] app:info produced an invalid result',
    );
    expect(logs.join('\n')).toContain('app:info produced an invalid result');
  });

  it('reports a failing handler without leaking its message to the renderer', async () => {
    const { ipcMain, logs } = setup(
      withAppInfo(() => {
        throw new Error('secret internal detail');
      }),
    );
    const failure = ipcMain.invoke('app:info', fakeInvokeEvent());
    await expect(failure).rejects.toThrow('[handler-failed] app:info failed');
    await expect(failure).rejects.not.toThrow('secret internal detail');
    expect(logs.join('\n')).toContain('secret internal detail');
  });
});
