import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AccessToken, CreateAccessTokenRequest } from '../../../shared/access-tokens-api.ts';
import type { TokensApi } from '../../api/tokens-api.ts';
import { AccessTokensDialog } from './AccessTokensDialog.tsx';

afterEach(cleanup);

/** Answers like the relay's token routes, and records what was asked. */
function fakeTokens() {
  let tokens: AccessToken[] = [];
  const created: CreateAccessTokenRequest[] = [];
  const api: TokensApi = {
    list: () => Promise.resolve(tokens),
    create: (request) => {
      created.push(request);
      const token: AccessToken = {
        id: 't1',
        name: request.name,
        scopes: request.scopes,
        createdAt: Date.UTC(2026, 11, 1),
        lastUsedAt: null,
        expiresAt: Date.UTC(2026, 11, 31),
        createdBy: 'emp-1001',
      };
      tokens = [token];
      return Promise.resolve({ ...token, secret: 'cpat_0123456789abcdef_shown-once' });
    },
    revoke: (id) => {
      tokens = tokens.filter((t) => t.id !== id);
      return Promise.resolve();
    },
  };
  return { api, created };
}

describe('the Access tokens dialog', () => {
  it('creates a token with its scopes and expiry, shows the secret once, and revokes it', async () => {
    const { api, created } = fakeTokens();
    render(<AccessTokensDialog api={api} isAdmin={false} onClose={() => undefined} />);
    await screen.findByText('No access tokens yet.');
    // Only admins are offered the admin scope.
    expect(screen.queryByRole('checkbox', { name: /^Admin/ })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'CI notes' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Write/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Expires' }), {
      target: { value: 'd30' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const secret = await screen.findByRole('textbox', { name: 'Token' });
    expect(secret).toHaveProperty('value', 'cpat_0123456789abcdef_shown-once');
    expect(created).toEqual([{ name: 'CI notes', scopes: ['read', 'write'], expiresInDays: 30 }]);
    const row = await screen.findByRole('row', { name: /CI notes/ });
    expect(row.textContent).toContain('Read, Write');
    expect(row.textContent).toContain('not yet');

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'Token' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke CI notes' }));
    await waitFor(() => {
      expect(screen.getByRole('status').textContent).toBe('Token “CI notes” revoked.');
    });
    await screen.findByText('No access tokens yet.');
  });

  it('offers the admin scope to admins', async () => {
    const { api } = fakeTokens();
    render(<AccessTokensDialog api={api} isAdmin onClose={() => undefined} />);
    await screen.findByText('No access tokens yet.');
    expect(screen.getByRole('checkbox', { name: /^Admin/ })).toBeDefined();
  });
});
