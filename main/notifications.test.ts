import { beforeEach, describe, expect, it } from 'vitest';
import type { NoteTarget } from '../shared/host.ts';
import { APP_ORIGIN } from './config.ts';
import { createEventSender } from './ipc/events.ts';
import { createIpcHandlers } from './ipc/handlers.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { FakeSignInService } from './auth/fakes.ts';
import { createNotifier, plainForLinux } from './notifications.ts';
import { FakeApp, FakeEventTarget, FakeIpcMain, fakeInvokeEvent } from './testing/fake-electron.ts';
import { FakeNotification } from './testing/fake-notification.ts';

const target = { spaceId: 'team', docId: 'plan' };
const request = { title: 'Grace Hopper mentioned you in Plan', body: 'Can you check?', target };

/** The notifier behind the real IPC dispatch, opening notes through the real event sender. */
function setup(options: { platform?: NodeJS.Platform; focused?: boolean } = {}) {
  const window = new FakeEventTarget();
  const sendEvent = createEventSender({
    trustedOrigins: new Set([APP_ORIGIN]),
    log: () => undefined,
  });
  const focusCalls: string[] = [];
  const logs: string[] = [];
  const notify = createNotifier({
    Notification: FakeNotification,
    platform: options.platform ?? 'linux',
    isFocused: () => options.focused === true,
    focus: () => focusCalls.push('focus'),
    openNote: (note: NoteTarget) => sendEvent(window, 'app:open-note', note),
    log: (m) => logs.push(m),
  });
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      app: new FakeApp(),
      relayUrl: 'ws://127.0.0.1:4444',
      signIn: new FakeSignInService(),
      notify,
    }),
    { trustedOrigins: new Set([APP_ORIGIN]), log: () => undefined },
  );
  const invoke = (...args: unknown[]) => ipcMain.invoke('app:notify', fakeInvokeEvent(), ...args);
  return { invoke, window, focusCalls, logs };
}

beforeEach(() => {
  FakeNotification.reset();
});

describe('app:notify (main shows a native notification)', () => {
  it('shows the notification; a click focuses the window and opens the note in the renderer', async () => {
    const { invoke, window, focusCalls } = setup({ platform: 'darwin' });
    await expect(invoke(request)).resolves.toBeNull();
    const [shown] = FakeNotification.instances;
    expect(shown?.shown).toBe(true);
    expect(shown?.options).toEqual({
      title: 'Grace Hopper mentioned you in Plan',
      body: 'Can you check?',
      silent: false,
    });
    expect(window.sent).toEqual([]);
    shown?.click();
    expect(focusCalls).toEqual(['focus']);
    expect(window.sent).toEqual([['app:open-note', target]]);
  });

  it('is silent while the window has the focus', async () => {
    const { invoke } = setup({ focused: true });
    await invoke(request);
    expect(FakeNotification.instances[0]?.options.silent).toBe(true);
  });

  it('on Linux, replaces markup characters the notification daemon would interpret', async () => {
    const { invoke } = setup({ platform: 'linux' });
    await invoke({ ...request, body: '<b>bold</b> & <a href="https://evil.example">x</a>' });
    const body = FakeNotification.instances[0]?.options.body ?? '';
    expect(body).not.toMatch(/[<>&]/);
    expect(body).toBe(plainForLinux('<b>bold</b> & <a href="https://evil.example">x</a>'));
    expect(body).toContain('bold');
  });

  it('shows nothing where notifications are not supported, and says so', async () => {
    FakeNotification.supported = false;
    const { invoke, logs } = setup();
    await expect(invoke(request)).resolves.toBeNull();
    expect(FakeNotification.instances).toEqual([]);
    expect(logs.join('\n')).toContain('not supported');
  });

  it.each([
    ['no arguments', []],
    ['two arguments', [request, request]],
    ['an empty title', [{ ...request, title: '' }]],
    ['an oversized body', [{ ...request, body: 'x'.repeat(1001) }]],
    ['a token in the body', [{ ...request, body: 'eyJhbGciOiJI.eyJzdWIiOiJ4In0.signature' }]],
    ['control characters', [{ ...request, title: 'a\u001b[31mred' }]],
    ['a target with a path trick', [{ ...request, target: { spaceId: '..', docId: 'x' } }]],
    ['an extra field', [{ ...request, icon: '/etc/passwd' }]],
    ['a string', ['hello']],
  ])('refuses %s without showing anything', async (_, args) => {
    const { invoke } = setup();
    await expect(invoke(...args)).rejects.toThrow('[bad-arguments]');
    expect(FakeNotification.instances).toEqual([]);
  });

  it('answers null and shows nothing when main has no notifier', async () => {
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        app: new FakeApp(),
        relayUrl: 'ws://127.0.0.1:4444',
        signIn: new FakeSignInService(),
      }),
      { trustedOrigins: new Set([APP_ORIGIN]), log: () => undefined },
    );
    await expect(ipcMain.invoke('app:notify', fakeInvokeEvent(), request)).resolves.toBeNull();
    expect(FakeNotification.instances).toEqual([]);
  });

  it('refuses a caller from another origin', async () => {
    const ipcMain = new FakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        app: new FakeApp(),
        relayUrl: 'ws://127.0.0.1:4444',
        signIn: new FakeSignInService(),
        notify: () => null,
      }),
      { trustedOrigins: new Set([APP_ORIGIN]), log: () => undefined },
    );
    await expect(
      ipcMain.invoke('app:notify', fakeInvokeEvent('https://evil.example/'), request),
    ).rejects.toThrow('[forbidden-sender]');
  });
});
