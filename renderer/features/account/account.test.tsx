import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { setLanguagePreference } from '../../i18n/index.ts';
import { SignInScreen } from '../auth/index.ts';
import type { PersonalSettingChange, SettingsView } from '../../../shared/policy.ts';
import { AccountMenu, DesktopSettings } from './index.ts';

afterEach(cleanup);

describe('sign-in screen', () => {
  it('offers one button to the company IdP and shows why the last attempt failed', () => {
    const onSignIn = vi.fn(() => Promise.resolve());
    const view = render(
      <SignInScreen
        session={{
          status: 'error',
          reason: 'Sign-in failed (access_denied)',
          persistence: { refreshTokenPersisted: false },
        }}
        onSignIn={onSignIn}
      />,
    );
    expect(view.getByRole('heading').textContent).toBe('Commonplace');
    expect(view.getByRole('alert').textContent).toBe('Sign-in failed (access_denied)');
    fireEvent.click(view.getByRole('button', { name: 'Sign in with your company account' }));
    expect(onSignIn).toHaveBeenCalledOnce();
  });
});

describe('account menu', () => {
  it('shows initials in the person’s colour, and a menu with name, email and sign out', () => {
    const onSignOut = vi.fn(() => Promise.resolve());
    const view = render(
      <AccountMenu
        profile={{ sub: 'emp-1001', name: 'Ada Lovelace', email: 'ada@example.com' }}
        onSignOut={onSignOut}
      />,
    );
    const button = view.getByRole('button', { name: 'Account: Ada Lovelace' });
    expect(button.querySelector('.avatar')?.textContent).toBe('AL');
    expect(button.querySelector<HTMLElement>('.avatar')?.style.backgroundColor).toBeTruthy();
    expect(view.queryByText('ada@example.com')).toBeNull();
    fireEvent.click(button);
    expect(view.getByText('ada@example.com')).toBeTruthy();
    fireEvent.click(view.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledOnce();
  });
});

describe('sign-out: remove this laptop’s copy', () => {
  function openMenu(removeCopy: { initial: boolean; locked: boolean } | null) {
    const onSignOut = vi.fn((_: { removeLocalCopy: boolean }) => Promise.resolve());
    const view = render(
      <AccountMenu
        profile={{ sub: 'emp-1001', name: 'Ada Lovelace' }}
        onSignOut={onSignOut}
        removeCopy={removeCopy}
      />,
    );
    fireEvent.click(view.getByRole('button', { name: 'Account: Ada Lovelace' }));
    return { view, onSignOut };
  }

  it('starts from the organisation’s default and passes the person’s choice to sign-out', () => {
    const { view, onSignOut } = openMenu({ initial: true, locked: false });
    const box = view.getByRole('checkbox', {
      name: 'Remove this laptop’s copy',
    }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(false);
    fireEvent.click(box);
    expect(box.checked).toBe(false);
    fireEvent.click(view.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledWith({ removeLocalCopy: false });
  });

  it('cannot be changed when policy enforces it', () => {
    const { view, onSignOut } = openMenu({ initial: true, locked: true });
    const box = view.getByRole('checkbox', {
      name: 'Remove this laptop’s copy',
    }) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    fireEvent.click(view.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledWith({ removeLocalCopy: true });
  });

  it('is not offered without a way to erase, and sign-out keeps the copy', () => {
    const { view, onSignOut } = openMenu(null);
    expect(view.queryByRole('checkbox')).toBeNull();
    fireEvent.click(view.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledWith({ removeLocalCopy: false });
  });
});

describe('desktop settings in the account menu', () => {
  it('shows start at login, changes it through the host, and locks what policy enforces', async () => {
    const changes: PersonalSettingChange[] = [];
    let view: SettingsView = {
      values: { startAtLogin: false, telemetry: false },
      enforced: ['telemetry'],
    };
    const host = {
      settings: () => Promise.resolve(view),
      changeSetting: (change: PersonalSettingChange) => {
        changes.push(change);
        view = { ...view, values: { ...view.values, [change.key]: change.value } };
        return Promise.resolve(view);
      },
      localDataProtection: () =>
        Promise.resolve({ status: 'plain' as const, fallback: 'no-keyring' as const }),
    };
    const ui = render(<DesktopSettings host={host} owner="emp-1" />);
    // Where the organisation allows plain storage, the settings say the data is unencrypted.
    expect(await ui.findByText('Not encrypted')).toBeDefined();
    const startAtLogin = (await ui.findByRole('checkbox', {
      name: 'Start Commonplace when I log in',
    })) as HTMLInputElement;
    expect(startAtLogin.checked).toBe(false);
    fireEvent.click(startAtLogin);
    await vi.waitFor(() => {
      expect(startAtLogin.checked).toBe(true);
    });
    expect(changes).toEqual([{ key: 'startAtLogin', value: true }]);
    const telemetry = ui
      .getAllByRole('checkbox')
      .find((box) => box !== startAtLogin && (box as HTMLInputElement).disabled);
    expect(telemetry).toBeDefined();
  });

  it('shows nothing in a browser', () => {
    const ui = render(
      <DesktopSettings
        host={{ localDataProtection: () => Promise.resolve({ status: 'plain' }) }}
        owner="emp-1"
      />,
    );
    expect(ui.container.textContent).toBe('');
  });
});

describe('language setting', () => {
  afterEach(async () => {
    await setLanguagePreference('system');
  });

  it('switches the UI to the chosen language at once and back to the system one', async () => {
    const view = render(
      <AccountMenu profile={{ sub: 'emp-1001', name: 'Ada Lovelace' }} onSignOut={vi.fn()} />,
    );
    fireEvent.click(view.getByRole('button', { name: 'Account: Ada Lovelace' }));
    const select = view.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    expect(select.value).toBe('system');
    await act(async () => {
      fireEvent.change(select, { target: { value: 'de' } });
      await Promise.resolve();
    });
    expect(view.getByRole('button', { name: 'Abmelden' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('commonplace.language')).toBe('de');
    await act(async () => {
      fireEvent.change(view.getByRole('combobox', { name: 'Sprache' }), {
        target: { value: 'system' },
      });
      await Promise.resolve();
    });
    expect(view.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(localStorage.getItem('commonplace.language')).toBeNull();
  });
});
