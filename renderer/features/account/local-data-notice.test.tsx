import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { LocalDataProtection } from '../../../shared/host.ts';
import { en } from '../../i18n/catalogue/en.ts';
import { createProtectionResolver } from '../../sync/index.ts';
import { LocalDataNotice } from './index.ts';

// The administrator's `localDataEncryption: preferred` reaches the renderer as
// main's answer `plain` with a `fallback` reason: stored in plain, and said so.

afterEach(cleanup);

const hostAnswering = (answer: LocalDataProtection) => ({
  localDataProtection: () => Promise.resolve(answer),
});

describe('plain storage allowed by policy', () => {
  it('says the system has no key store and the organisation allows plain storage', async () => {
    render(
      <LocalDataNotice
        host={hostAnswering({ status: 'plain', fallback: 'no-keyring' })}
        owner="emp-1"
      />,
    );
    const notice = await screen.findByText(en.localData.plainNoKeyring);
    expect(notice.getAttribute('data-storage')).toBe('plain-fallback');
  });

  it('is told apart from the browser’s plain storage and from refusal', async () => {
    render(<LocalDataNotice host={hostAnswering({ status: 'plain' })} owner="emp-1" />);
    expect(await screen.findByText(en.account.storagePlain)).toBeDefined();
    cleanup();
    render(
      <LocalDataNotice
        host={hostAnswering({ status: 'refused', reason: 'no-encryption' })}
        owner="emp-1"
      />,
    );
    expect(await screen.findByText(en.account.storageNoEncryption)).toBeDefined();
  });

  it('makes the sync layer store in plain (and nothing without the policy)', async () => {
    const preferred = createProtectionResolver(
      hostAnswering({ status: 'plain', fallback: 'no-encryption' }),
    );
    expect(await preferred('emp-1')).toEqual({ kind: 'plain' });
    const required = createProtectionResolver(
      hostAnswering({ status: 'refused', reason: 'no-encryption' }),
    );
    expect(await required('emp-1')).toEqual({ kind: 'none' });
  });
});
