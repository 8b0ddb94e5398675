import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PersonalSettingChange } from '../../../shared/policy.ts';
import { ManagedSettings } from './ManagedSettings.tsx';

describe('ManagedSettings', () => {
  it('locks enforced settings with "Set by your organisation" and lets the person change the rest', () => {
    const changes: PersonalSettingChange[] = [];
    const onChange = vi.fn((change: PersonalSettingChange) => changes.push(change));
    render(
      <ManagedSettings
        view={{
          values: { startAtLogin: true, telemetry: false, notifications: 'mentions' },
          enforced: ['telemetry'],
        }}
        onChange={onChange}
      />,
    );
    const telemetry = screen.getByRole<HTMLInputElement>('checkbox', { name: /usage counts/ });
    expect(telemetry.disabled).toBe(true);
    expect(screen.getAllByText(/Set by your organisation/)).toHaveLength(1);

    const startAtLogin = screen.getByRole<HTMLInputElement>('checkbox', { name: /log in/ });
    expect(startAtLogin.disabled).toBe(false);
    expect(startAtLogin.checked).toBe(true);
    fireEvent.click(startAtLogin);
    fireEvent.change(screen.getByRole('combobox', { name: /Notifications/ }), {
      target: { value: 'off' },
    });
    expect(changes).toEqual([
      { key: 'startAtLogin', value: false },
      { key: 'notifications', value: 'off' },
    ]);
  });
});
