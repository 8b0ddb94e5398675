import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalDataProtection } from '../../../shared/host.ts';
import type { SettingsView } from '../../../shared/policy.ts';
import { en } from '../../i18n/catalogue/en.ts';
import { ManagedSettings } from './ManagedSettings.tsx';

// The settings screen says whether this device's copy is encrypted and what the
// organisation's `localDataEncryption` says, and under `preferred` without a key
// store that the data is stored unencrypted.

afterEach(cleanup);

const view = (policy: 'required' | 'preferred'): SettingsView => ({
  values: { localDataEncryption: policy },
  enforced: ['localDataEncryption'],
});

function show(policy: 'required' | 'preferred', protection: LocalDataProtection | null) {
  render(
    <ManagedSettings view={view(policy)} protection={protection} onChange={() => undefined} />,
  );
}

describe('local data encryption in the settings', () => {
  it('encrypted under required: says both', () => {
    show('required', { status: 'encrypted', key: btoa('k'.repeat(32)) });
    expect(screen.getByText(en.localData.encrypted)).toBeDefined();
    expect(screen.getByText(en.localData.policyRequired)).toBeDefined();
    expect(screen.queryByText(en.localData.preferredUnencrypted)).toBeNull();
  });

  it('preferred without a key store: says the data is stored unencrypted', () => {
    show('preferred', { status: 'plain', fallback: 'no-keyring' });
    expect(screen.getByText(en.localData.unencrypted)).toBeDefined();
    expect(screen.getByText(en.localData.policyPreferred)).toBeDefined();
    expect(screen.getByRole('note').textContent).toBe(en.localData.preferredUnencrypted);
  });

  it('required without a key store: nothing is stored on this device', () => {
    show('required', { status: 'refused', reason: 'no-keyring' });
    expect(screen.getByText(en.localData.notStored)).toBeDefined();
    expect(screen.getByText(en.localData.policyRequired)).toBeDefined();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('preferred with a key store: encrypted, and no unencrypted warning', () => {
    show('preferred', { status: 'encrypted', key: btoa('k'.repeat(32)) });
    expect(screen.getByText(en.localData.encrypted)).toBeDefined();
    expect(screen.queryByRole('note')).toBeNull();
  });
});
