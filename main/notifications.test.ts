import { beforeEach, describe, expect, it } from 'vitest';
import type { NoteTarget } from '../shared/host.ts';
import { APP_ORIGIN } from './config.ts';
import { createEventSender } from './ipc/events.ts';
import { createIpcHandlers } from './ipc/handlers.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { FakeSignInService } from './auth/fakes.ts';
import { createNotifier, NOTIFY_RATE, plainForLinux } from './notifications.ts';
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

/** A manual clock: time moves only when the test says so, and due timers fire then. */
function manualClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout: (callback: () => void, ms: number) => {
      nextId += 1;
      timers.set(nextId, { at: now + ms, callback });
      return nextId;
    },
    clearTimeout: (handle: unknown) => {
      timers.delete(handle as number);
    },
    pending: () => timers.size,
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
  };
}

describe('notification rate limit (token bucket in main)', () => {
  function limited() {
    const clock = manualClock();
    const opened: NoteTarget[] = [];
    const notify = createNotifier({
      Notification: FakeNotification,
      platform: 'darwin',
      isFocused: () => false,
      focus: () => undefined,
      openNote: (note) => opened.push(note),
      log: () => undefined,
      clock,
    });
    const mention = (n: number, docId = 'plan') => ({
      title: `Grace Hopper mentioned you in Plan ${String(n)}`,
      body: `mention ${String(n)}`,
      target: { spaceId: 'team', docId },
    });
    return { clock, notify, opened, mention };
  }

  it('a mention every 250 ms: a burst of 5, then one "N more mentions" when the bucket refills', () => {
    const { clock, notify, opened, mention } = limited();
    for (let n = 1; n <= 20; n += 1) {
      notify(mention(n, n === 20 ? 'last' : 'plan'));
      clock.advance(250);
    }
    // 20 requests over 5 s: the first 5 shown, the rest held back.
    expect(FakeNotification.instances.map((i) => i.options.body)).toEqual([
      'mention 1',
      'mention 2',
      'mention 3',
      'mention 4',
      'mention 5',
    ]);
    clock.advance(10_000);
    expect(FakeNotification.instances).toHaveLength(6);
    const summary = FakeNotification.instances[5];
    expect(summary?.options.title).toBe('15 more mentions');
    expect(summary?.options.body).toBe('Grace Hopper mentioned you in Plan 20');
    summary?.click();
    expect(opened).toEqual([{ spaceId: 'team', docId: 'last' }]);
    expect(clock.pending()).toBe(0);
  });

  it('after the flood, one per 10 s; a single excess request is shown as itself', () => {
    const { clock, notify, mention } = limited();
    for (let n = 1; n <= 6; n += 1) notify(mention(n));
    expect(FakeNotification.instances).toHaveLength(5);
    clock.advance(9_999);
    expect(FakeNotification.instances).toHaveLength(5);
    clock.advance(1);
    expect(FakeNotification.instances[5]?.options).toMatchObject({
      title: 'Grace Hopper mentioned you in Plan 6',
      body: 'mention 6',
    });
    // A quiet minute refills the burst.
    clock.advance(60_000);
    for (let n = 7; n <= 11; n += 1) notify(mention(n));
    expect(FakeNotification.instances).toHaveLength(11);
  });

  it('dispose cancels the pending summary', () => {
    const { clock, notify, mention } = limited();
    for (let n = 1; n <= 8; n += 1) notify(mention(n));
    notify.dispose();
    clock.advance(60_000);
    expect(FakeNotification.instances).toHaveLength(5);
  });

  it('holds at most maxHeld notifications when the OS never reports close', () => {
    const { clock, notify, mention } = limited();
    for (let n = 1; n <= NOTIFY_RATE.maxHeld + 20; n += 1) {
      notify(mention(n));
      clock.advance(NOTIFY_RATE.refillMs);
    }
    expect(FakeNotification.instances).toHaveLength(NOTIFY_RATE.maxHeld + 20);
    expect(notify.held()).toBe(NOTIFY_RATE.maxHeld);
    // The newest still open their note.
    FakeNotification.instances.at(-1)?.click();
    expect(notify.held()).toBe(NOTIFY_RATE.maxHeld - 1);
  });
});
