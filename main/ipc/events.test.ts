import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../shared/auth.ts';
import type { IpcEventPayload } from '../../shared/ipc.ts';
import { APP_ORIGIN } from '../config.ts';
import { FakeEventTarget } from '../testing/fake-electron.ts';
import { FakeSignInService } from '../auth/fakes.ts';
import { createEventSender, pushSessionChanges } from './events.ts';

const state: SessionState = {
  status: 'error',
  reason: 'Your session ended. Please sign in again.',
  persistence: { refreshTokenPersisted: true },
};

function setup() {
  const logs: string[] = [];
  const sendEvent = createEventSender({
    trustedOrigins: new Set([APP_ORIGIN, 'http://127.0.0.1:5173']),
    log: (m) => logs.push(m),
  });
  return { sendEvent, logs };
}

describe('createEventSender', () => {
  it('sends a contract-valid payload to our own window', () => {
    const { sendEvent } = setup();
    const target = new FakeEventTarget();
    expect(sendEvent(target, 'auth:session-changed', state)).toBe(true);
    expect(target.sent).toEqual([['auth:session-changed', state]]);
  });

  it('strips fields the contract does not name (a refresh token cannot ride along)', () => {
    const { sendEvent } = setup();
    const target = new FakeEventTarget('http://127.0.0.1:5173/');
    const smuggled = { ...state, refreshToken: 'secret-refresh' };
    expect(sendEvent(target, 'auth:session-changed', smuggled)).toBe(true);
    expect(JSON.stringify(target.sent)).not.toContain('secret-refresh');
  });

  it('refuses an invalid payload and says so without sending', () => {
    const { sendEvent, logs } = setup();
    const target = new FakeEventTarget();
    const bad = { status: 'signed-in' } as unknown as IpcEventPayload<'auth:session-changed'>;
    expect(sendEvent(target, 'auth:session-changed', bad)).toBe(false);
    expect(target.sent).toEqual([]);
    expect(logs.join('\n')).toContain('not sending auth:session-changed: invalid payload');
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/index.html',
    'app://commonplace.evil/index.html',
    'about:blank',
  ])('sends nothing to a window showing %s', (url) => {
    const { sendEvent, logs } = setup();
    const target = new FakeEventTarget(url);
    expect(sendEvent(target, 'auth:session-changed', state)).toBe(false);
    expect(target.sent).toEqual([]);
    expect(logs.join('\n')).toContain('the window is not showing the app');
  });

  it('skips a destroyed window', () => {
    const { sendEvent } = setup();
    const target = new FakeEventTarget();
    target.destroyed = true;
    expect(sendEvent(target, 'auth:session-changed', state)).toBe(false);
    expect(target.sent).toEqual([]);
  });
});

describe('pushSessionChanges', () => {
  it('pushes every state change to each window, and a failing window does not stop the others', async () => {
    const { sendEvent } = setup();
    const service = new FakeSignInService();
    const broken = new FakeEventTarget();
    broken.send = () => {
      throw new Error('Object has been destroyed');
    };
    const window = new FakeEventTarget();
    const stop = pushSessionChanges(service, () => [broken, window], sendEvent);
    await expect(service.signIn()).resolves.toMatchObject({ status: 'signed-in' });
    await service.signOut();
    expect(window.sent.map(([, payload]) => (payload as SessionState).status)).toEqual([
      'signed-in',
      'signed-out',
    ]);
    stop();
    service.setState(state);
    expect(window.sent).toHaveLength(2);
  });
});
