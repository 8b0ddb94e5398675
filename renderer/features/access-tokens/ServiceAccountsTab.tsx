import { useCallback, useEffect, useState } from 'react';
import type { AdminSpace } from '../../../shared/admin-api.ts';
import type { ServiceAccount } from '../../../shared/access-tokens-api.ts';
import type { ServiceAccountsApi } from '../../api/tokens-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';
import { AssignToSpace } from './AssignToSpace.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import { TokenForm } from './TokenForm.tsx';
import { failure, TokenCells } from './token-cells.tsx';
import './tokens.css';

interface Message {
  readonly ok: boolean;
  readonly text: string;
}

/**
 * Company admins' service accounts: create (the secret shown once), list,
 * add to spaces with a role, give a new token (rotate) and revoke.
 */
export function ServiceAccountsTab({
  api,
  spaces,
}: {
  readonly api: ServiceAccountsApi;
  readonly spaces: () => Promise<AdminSpace[]>;
}) {
  const t = useT();
  const [accounts, setAccounts] = useState<ServiceAccount[] | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const reload = useCallback(() => {
    api.list().then(setAccounts, (err: unknown) => {
      setMessage({ ok: false, text: failure(t, err) });
    });
  }, [api, t]);
  useEffect(reload, [reload]);
  const act = (work: Promise<unknown>, success: string) => {
    setMessage(null);
    work.then(
      () => {
        setMessage({ ok: true, text: success });
        reload();
      },
      (err: unknown) => {
        setMessage({ ok: false, text: failure(t, err) });
      },
    );
  };

  return (
    <div className="admin__panel">
      <p>{t('tokens.accounts.intro')}</p>
      {message !== null &&
        (message.ok ? (
          <p role="status">{message.text}</p>
        ) : (
          <p role="alert" className="tokens__error">
            {message.text}
          </p>
        ))}
      {secret !== null && (
        <SecretOnce
          secret={secret}
          onDone={() => {
            setSecret(null);
          }}
        />
      )}
      <TokenForm
        offerAdmin
        submitLabel={t('tokens.accounts.create')}
        onCreate={(request) => {
          setMessage(null);
          return api.create(request).then(
            (created) => {
              setSecret(created.secret);
              reload();
            },
            (err: unknown) => {
              setMessage({ ok: false, text: failure(t, err) });
              throw err;
            },
          );
        }}
      />
      <table className="tokens__table">
        <caption className="visually-hidden">{t('tokens.accounts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.accounts.identity')}</th>
            <th scope="col">{t('tokens.scopes')}</th>
            <th scope="col">{t('tokens.created')}</th>
            <th scope="col">{t('tokens.lastUsed')}</th>
            <th scope="col">{t('tokens.expires')}</th>
            <th scope="col">{t('tokens.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts?.length === 0 && (
            <tr>
              <td colSpan={7}>{t('tokens.accounts.none')}</td>
            </tr>
          )}
          {(accounts ?? []).map((account) => (
            <tr key={account.id}>
              <td>{account.name}</td>
              <td>
                <code>{account.principalId}</code>
              </td>
              <TokenCells token={account} />
              <td className="tokens__actions">
                <Button
                  size="sm"
                  aria-label={t('tokens.accounts.rotateNamed', { name: account.name })}
                  onClick={() => {
                    setMessage(null);
                    api.rotate(account.id).then(
                      (next) => {
                        setSecret(next.secret);
                        setMessage({
                          ok: true,
                          text: t('tokens.accounts.rotated', { name: account.name }),
                        });
                        reload();
                      },
                      (err: unknown) => {
                        setMessage({ ok: false, text: failure(t, err) });
                      },
                    );
                  }}
                >
                  {t('tokens.accounts.rotate')}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={t('tokens.accounts.revokeNamed', { name: account.name })}
                  onClick={() => {
                    act(
                      api.revoke(account.id),
                      t('tokens.accounts.revoked', { name: account.name }),
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
      {accounts !== null && accounts.length > 0 && (
        <AssignToSpace api={api} accounts={accounts} spaces={spaces} onMessage={setMessage} />
      )}
    </div>
  );
}
