import { useCallback, useEffect, useState } from 'react';
import type { AccessToken } from '../../../shared/access-tokens-api.ts';
import type { TokensApi } from '../../api/tokens-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button, Dialog } from '../../ui/index.ts';
import { SecretOnce } from './SecretOnce.tsx';
import { TokenForm } from './TokenForm.tsx';
import { failure, TokenCells } from './token-cells.tsx';
import './tokens.css';

/**
 * The person's personal access tokens: list (name, scopes, created, last
 * used, expiry), create (the secret shown once) and revoke.
 */
export function AccessTokensDialog({
  api,
  isAdmin,
  onClose,
}: {
  readonly api: TokensApi;
  readonly isAdmin: boolean;
  readonly onClose: () => void;
}) {
  const t = useT();
  const [tokens, setTokens] = useState<AccessToken[] | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.list().then(setTokens, (err: unknown) => {
      setError(failure(t, err));
    });
  }, [api, t]);
  useEffect(reload, [reload]);

  return (
    <Dialog
      title={t('tokens.title')}
      onClose={onClose}
      className="tokens"
      footer={<Button onClick={onClose}>{t('tokens.close')}</Button>}
    >
      <p>{t('tokens.intro')}</p>
      {error !== null && (
        <p role="alert" className="tokens__error">
          {error}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {secret !== null && (
        <SecretOnce
          secret={secret}
          onDone={() => {
            setSecret(null);
          }}
        />
      )}
      <TokenForm
        offerAdmin={isAdmin}
        submitLabel={t('tokens.create')}
        onCreate={(request) => {
          setError(null);
          setDone(null);
          return api.create(request).then(
            (created) => {
              setSecret(created.secret);
              reload();
            },
            (err: unknown) => {
              setError(failure(t, err));
              throw err;
            },
          );
        }}
      />
      <table className="tokens__table">
        <caption className="visually-hidden">{t('tokens.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.scopes')}</th>
            <th scope="col">{t('tokens.created')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">{t('tokens.expires')}</th>
            <th scope="col">{t('tokens.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens?.length === 0 && (
            <tr>
              <td colSpan={6}>{t('tokens.none')}</td>
            </tr>
          )}
          {(tokens ?? []).map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <TokenCells token={token} />
              <td>
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={t('tokens.revokeNamed', { name: token.name })}
                  onClick={() => {
                    setError(null);
                    api.revoke(token.id).then(
                      () => {
                        setDone(t('tokens.revoked', { name: token.name }));
                        reload();
                      },
                      (err: unknown) => {
                        setError(failure(t, err));
                      },
                    );
                  }}
                >
                  {t('tokens.revoke')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
