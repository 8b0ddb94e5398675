import { describe, expect, it } from 'vitest';
import { FakeSignInService } from './auth/fakes.ts';
import { createPreloadHost, type IpcRendererLike } from '../preload/bridge.ts';
import { APP_ORIGIN } from './config.ts';
import { findDeepLinkArgument, handleDeepLink } from './deep-link.ts';
import { createEventSender } from './ipc/events.ts';
import { createIpcHandlers } from './ipc/handlers.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { createNoteOpener, createPendingNote } from './pending-note.ts';
import { claimSingleInstance } from './single-instance.ts';
import { FakeApp, FakeEventTarget, FakeIpcMain, fakeInvokeEvent } from './testing/fake-electron.ts';

const target = { spaceId: 'team', docId: 'plan' };

/**
 * Main as main/index.ts wires it (pending note, opener, event sender, IPC
 * handlers) with fakes for Electron, and the preload's host talking to it
 * through the fake ipcMain, as the page would.
 */
function desktop() {
  const pending = createPendingNote();
  const contents = new FakeEventTarget();
  let windowOpen = false;
  const sendEvent = createEventSender({
    trustedOrigins: new Set([APP_ORIGIN]),
    log: () => undefined,
  });
  const openNote = createNoteOpener({
    pending,
    window: () => (windowOpen ? contents : null),
    sendEvent: () => sendEvent,
  });
  const logs: string[] = [];
  const onDeepLink = (raw: string) => {
    const link = handleDeepLink(raw, { focus: () => undefined, log: (m) => logs.push(m) });
    if (link !== null) openNote({ spaceId: link.spaceId, docId: link.docId });
  };
  const signIn = new FakeSignInService();
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      app: new FakeApp(),
      relayUrl: 'ws://127.0.0.1:4444',
      signIn,
      pendingNote: pending,
    }),
    { trustedOrigins: new Set([APP_ORIGIN]), log: () => undefined },
  );
  const ipcRenderer: IpcRendererLike = {
    invoke: (channel, ...args) => ipcMain.invoke(channel, fakeInvokeEvent(), ...args),
    on: () => undefined,
    removeListener: () => undefined,
  };
  const host = createPreloadHost(ipcRenderer);
  return {
    host,
    ipcMain,
    contents,
    logs,
    onDeepLink,
    openNote,
    showWindow: () => {
      windowOpen = true;
    },
  };
}

describe('pending note (a deep link or notification before the page listens)', () => {
  it('take answers the newest offer once, then null', () => {
    const pending = createPendingNote();
    expect(pending.take()).toBeNull();
    pending.offer({ spaceId: 'team', docId: 'old' });
    pending.offer(target);
    expect(pending.take()).toEqual(target);
    expect(pending.take()).toBeNull();
  });

  it('launched with a deep link, signed in later → the note opens', async () => {
    const app = desktop();
    // Launch: the link is in argv (Windows, Linux); main handles it before or
    // just after the window loads, while the page shows the sign-in screen.
    const link = findDeepLinkArgument(['/opt/Commonplace', 'commonplace://note/team/plan']);
    expect(link).toBeDefined();
    if (link !== undefined) app.onDeepLink(link);
    app.showWindow();
    await expect(app.host.session()).resolves.toMatchObject({ status: 'signed-out' });

    await expect(app.host.signIn()).resolves.toMatchObject({ status: 'signed-in' });
    // The workspace mounts and asks: the link was kept for it.
    await expect(app.host.takePendingNote()).resolves.toEqual(target);
    // Taken once: a later sign-in does not open it again.
    await expect(app.host.takePendingNote()).resolves.toBeNull();
  });

  it('a link from a second launch while signed out is kept too', async () => {
    const app = desktop();
    app.showWindow();
    const fakeApp = new FakeApp();
    expect(
      claimSingleInstance(fakeApp, (argv) => {
        const link = findDeepLinkArgument(argv);
        if (link !== undefined) app.onDeepLink(link);
      }),
    ).toBe(true);
    fakeApp.emit('second-instance', ['/opt/Commonplace', 'commonplace://note/team/plan']);
    // Sent for a listening page, and kept for one that is not listening yet.
    expect(app.contents.sent).toEqual([['app:open-note', target]]);
    await expect(app.host.takePendingNote()).resolves.toEqual(target);
  });

  it('a refused link is neither sent nor kept', async () => {
    const app = desktop();
    app.showWindow();
    app.onDeepLink('commonplace://note/../etc');
    expect(app.logs.join('\n')).toContain('deep link refused');
    expect(app.contents.sent).toEqual([]);
    await expect(app.host.takePendingNote()).resolves.toBeNull();
  });

  it('keeps the target when there is no window yet, and sends nothing', async () => {
    const app = desktop();
    app.openNote(target);
    expect(app.contents.sent).toEqual([]);
    await expect(app.host.takePendingNote()).resolves.toEqual(target);
  });

  it('app:take-pending-note takes no arguments and refuses other origins', async () => {
    const app = desktop();
    app.openNote(target);
    await expect(
      app.ipcMain.invoke('app:take-pending-note', fakeInvokeEvent(), { all: true }),
    ).rejects.toThrow('[bad-arguments]');
    await expect(
      app.ipcMain.invoke('app:take-pending-note', fakeInvokeEvent('https://evil.example/')),
    ).rejects.toThrow('[forbidden-sender]');
    // Neither refused call took it.
    await expect(app.host.takePendingNote()).resolves.toEqual(target);
  });

  it('answers null when main keeps no pending note', async () => {
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
    await expect(ipcMain.invoke('app:take-pending-note', fakeInvokeEvent())).resolves.toBeNull();
  });
});
