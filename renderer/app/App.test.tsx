import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../shared/auth.ts';
import type { Host } from '../../shared/host.ts';
import { createSpacesService } from '../spaces/index.ts';
import { createAppStore } from '../store/index.ts';
import { createDocRegistry, type DocRegistry } from '../sync/index.ts';
import { App } from './App.tsx';
import { viewRoute } from './route.ts';

const registries: DocRegistry[] = [];
afterEach(() => {
  cleanup();
  for (const registry of registries.splice(0)) registry.destroy();
});

const PERSISTENCE = { refreshTokenPersisted: true };
const SIGNED_IN: SessionState = {
  status: 'signed-in',
  profile: { sub: 'emp-ada', name: 'Ada Lovelace' },
  accessTokenExpiresAt: Date.now() + 60_000,
  persistence: PERSISTENCE,
};

/** The shell with a real store and registry (offline), and a host that records sign-ins. */
function setup() {
  const store = createAppStore();
  const registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  registries.push(registry);
  const signIns: string[] = [];
  const host: Host = {
    appInfo: () => Promise.reject(new Error('not used')),
    session: () => Promise.resolve(SIGNED_IN),
    signIn: () => {
      signIns.push('asked');
      return Promise.resolve(SIGNED_IN);
    },
    signOut: () => Promise.resolve({ status: 'signed-out', persistence: PERSISTENCE }),
    accessToken: () => Promise.resolve(null),
    onSessionChange: () => () => undefined,
    notify: () => Promise.resolve(),
    onOpenNote: () => () => undefined,
    takePendingNote: () => Promise.resolve(null),
    localDataProtection: () => Promise.resolve({ status: 'plain' }),
    eraseLocalDataKeys: () => Promise.resolve(),
    notificationPermission: () => 'granted',
    requestNotificationPermission: () => Promise.resolve('granted'),
  };
  // The relay is unreachable: the spaces list fails, which the shell shows and survives.
  const spaces = createSpacesService(
    {
      listSpaces: () => Promise.reject(new Error('offline')),
      createSpace: () => Promise.reject(new Error('offline')),
      setMember: () => Promise.reject(new Error('offline')),
      updateSpace: () => Promise.reject(new Error('offline')),
    },
    store,
  );
  const members = {
    list: () => Promise.resolve([]),
    setRole: () => Promise.resolve(),
    remove: () => Promise.resolve(),
    searchDirectory: () => Promise.resolve([]),
  };
  store.getState().setSession(SIGNED_IN);
  render(
    <App
      services={{ store, registry }}
      host={host}
      info={{
        name: 'Commonplace',
        version: '0.0.0',
        platform: 'web',
        relayUrl: 'ws://127.0.0.1:9',
      }}
      spaces={spaces}
      members={members}
      home={null}
      initialRoute={viewRoute('home')}
      history={{
        push: () => undefined,
        replace: () => undefined,
        subscribe: () => () => undefined,
      }}
      parseRoute={() => null}
    />,
  );
  return { store, signIns };
}

describe('the session gate', () => {
  it('keeps the workspace behind “Please sign in again” when the session ends on its own', () => {
    const { store, signIns } = setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    act(() => {
      store.getState().setSession({
        status: 'error',
        reason: 'Your session has ended. Please sign in again.',
        persistence: PERSISTENCE,
      });
    });
    const dialog = screen.getByRole('dialog', { name: 'Please sign in again' });
    expect(dialog.textContent).toContain('your changes stay on this device');
    // The workspace is still there behind it (hidden from assistive technology by the modal).
    expect(document.querySelector('.workspace')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with your company account' }));
    expect(signIns).toEqual(['asked']);
    act(() => {
      store.getState().setSession(SIGNED_IN);
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
  });

  it('signing out leaves the workspace for the sign-in screen', () => {
    const { store } = setup();
    act(() => {
      store.getState().setSession({ status: 'signed-out', persistence: PERSISTENCE });
    });
    expect(document.querySelector('.workspace')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in with your company account' })).toBeTruthy();
  });
});
