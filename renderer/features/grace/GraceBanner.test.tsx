import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { setLanguagePreference } from '../../i18n/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry } from '../../sync/index.ts';
import { GraceBanner } from './index.ts';

afterEach(cleanup);

function setup(onSignIn: () => Promise<unknown>) {
  const store = createAppStore();
  const registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  const view = render(
    <AppServicesContext value={{ store, registry }}>
      <GraceBanner onSignIn={onSignIn} />
    </AppServicesContext>,
  );
  return { store, view, registry };
}

describe('grace banner', () => {
  afterEach(async () => {
    await setLanguagePreference('system');
  });

  it('is absent while the grace period runs, then says why and offers to sign in', () => {
    const onSignIn = vi.fn(() => Promise.resolve());
    const { store, view, registry } = setup(onSignIn);
    expect(view.queryByRole('alert')).toBeNull();
    act(() => {
      store.getState().setGrace({ expired: true, days: 14 });
    });
    const banner = view.getByRole('alert');
    expect(banner.textContent).toContain('Sign in to keep editing');
    expect(banner.textContent).toContain('14 days');
    fireEvent.click(view.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledOnce();
    registry.destroy();
  });

  it('speaks German when the person chose it', async () => {
    await setLanguagePreference('de');
    const { store, view, registry } = setup(() => Promise.resolve());
    act(() => {
      store.getState().setGrace({ expired: true, days: 14 });
    });
    expect(view.getByRole('alert').textContent).toContain('14 Tage');
    expect(view.getByRole('button', { name: 'Anmelden' })).toBeTruthy();
    registry.destroy();
  });
});
