import { useEffect, useState, type SyntheticEvent } from 'react';
import type { AdminSpace } from '../../../shared/admin-api.ts';
import type { ServiceAccount } from '../../../shared/access-tokens-api.ts';
import type { ServiceAccountsApi } from '../../api/tokens-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button, Field, Select } from '../../ui/index.ts';
import { failure } from './token-cells.tsx';

type Choice = 'editor' | 'viewer' | 'remove';

/** Makes a service account an editor or viewer of a space, or takes it out. */
export function AssignToSpace({
  api,
  accounts,
  spaces,
  onMessage,
}: {
  readonly api: ServiceAccountsApi;
  readonly accounts: readonly ServiceAccount[];
  readonly spaces: () => Promise<AdminSpace[]>;
  readonly onMessage: (message: { readonly ok: boolean; readonly text: string }) => void;
}) {
  const t = useT();
  const [all, setAll] = useState<AdminSpace[]>([]);
  const [accountId, setAccountId] = useState('');
  const [spaceId, setSpaceId] = useState('');
  const [role, setRole] = useState<Choice>('editor');
  useEffect(() => {
    spaces().then(
      (list) => {
        setAll(list.filter((s) => s.deletedAt === null));
      },
      () => undefined,
    );
  }, [spaces]);
  const account = accounts.find((a) => a.id === accountId) ?? accounts[0];
  const space = all.find((s) => s.id === spaceId) ?? all[0];
  if (account === undefined || space === undefined) return null;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    api.setSpace(account.id, space.id, role === 'remove' ? null : role).then(
      () => {
        onMessage({
          ok: true,
          text: t('tokens.accounts.assigned', { name: account.name, space: space.name }),
        });
      },
      (err: unknown) => {
        onMessage({ ok: false, text: failure(t, err) });
      },
    );
  };
  return (
    <form className="tokens__form" onSubmit={submit} aria-label={t('tokens.accounts.assignTitle')}>
      <h3>{t('tokens.accounts.assignTitle')}</h3>
      <div className="tokens__actions">
        <Field label={t('tokens.accounts.account')}>
          {(control) => (
            <Select
              {...control}
              value={account.id}
              onChange={(e) => {
                setAccountId(e.target.value);
              }}
            >
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('tokens.accounts.space')}>
          {(control) => (
            <Select
              {...control}
              value={space.id}
              onChange={(e) => {
                setSpaceId(e.target.value);
              }}
            >
              {all.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('tokens.accounts.role')}>
          {(control) => (
            <Select
              {...control}
              value={role}
              onChange={(e) => {
                setRole(e.target.value as Choice);
              }}
            >
              {(['editor', 'viewer', 'remove'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`tokens.accounts.roles.${r}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit">{t('tokens.accounts.assign')}</Button>
      </div>
    </form>
  );
}
