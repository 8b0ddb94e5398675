import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import type { AdminSpace } from '../../../shared/admin-api.ts';
import type { AdminApi } from '../../api/index.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { Button, TextInput } from '../../ui/index.ts';
import { SpaceLabelCell } from './SpaceLabelCell.tsx';

/** Makes a named person owner of one space (an inline form in its row). */
function RecoverForm({
  api,
  space,
  onDone,
}: {
  readonly api: AdminApi;
  readonly space: AdminSpace;
  readonly onDone: (space: AdminSpace) => void;
}) {
  const t = useT();
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (userId.trim() === '') return;
    api.recover(space.id, userId.trim()).then(onDone, (err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
    });
  };
  return (
    <form className="admin__recover" onSubmit={submit}>
      <TextInput
        aria-label={t('admin.spaces.newOwner', { name: space.name })}
        placeholder={t('admin.spaces.personId')}
        value={userId}
        onChange={(e) => {
          setUserId(e.target.value);
        }}
      />
      <Button type="submit" size="sm">
        {t('admin.spaces.recover')}
      </Button>
      {error !== null && (
        <span role="alert" className="admin__error">
          {error}
        </span>
      )}
    </form>
  );
}

/** Every space as metadata (never its notes), and recovering one whose owners are gone. */
export function SpacesTab({ api }: { readonly api: AdminApi }) {
  const t = useT();
  const format = useFormat();
  const [spaces, setSpaces] = useState<AdminSpace[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.spaces().then(setSpaces, (err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
    });
  }, [api]);
  useEffect(reload, [reload]);

  return (
    <div className="admin__panel">
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      <table className="admin__table">
        <caption className="visually-hidden">{t('admin.spaces.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.spaces.name')}</th>
            <th scope="col">{t('admin.spaces.members')}</th>
            <th scope="col">{t('admin.spaces.owners')}</th>
            <th scope="col">{t('admin.spaces.created')}</th>
            <th scope="col">{t('classification.admin.spaceLabel')}</th>
            <th scope="col">{t('admin.spaces.recover')}</th>
          </tr>
        </thead>
        <tbody>
          {spaces.map((s) => (
            <tr key={s.id}>
              <td>
                {s.name}
                {s.deletedAt !== null && ` (${t('admin.spaces.deleted')})`}
              </td>
              <td>{format.number(s.members)}</td>
              <td>{s.owners.length === 0 ? t('admin.spaces.noOwner') : s.owners.join(', ')}</td>
              <td>{format.date(s.createdAt)}</td>
              <td>
                {s.deletedAt === null && (
                  <SpaceLabelCell
                    space={s}
                    onDone={(message) => {
                      setError(null);
                      setDone(message);
                      reload();
                    }}
                    onError={(message) => {
                      setDone(null);
                      setError(message);
                    }}
                  />
                )}
              </td>
              <td>
                {s.deletedAt === null && (
                  <RecoverForm
                    api={api}
                    space={s}
                    onDone={(updated) => {
                      setDone(t('admin.spaces.recovered', { name: updated.name }));
                      reload();
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
