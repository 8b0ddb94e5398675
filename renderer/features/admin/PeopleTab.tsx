import { useEffect, useState } from 'react';
import type { Person } from '../../../shared/api.ts';
import type { AdminApi } from '../../api/index.ts';
import { useT } from '../../i18n/index.ts';
import { Field, TextInput } from '../../ui/index.ts';

/** People who have signed in, searchable by id, name or email. */
export function PeopleTab({ api }: { readonly api: AdminApi }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.people(q).then(
      (found) => {
        if (live) {
          setPeople(found);
          setError(null);
        }
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [api, q]);

  return (
    <div className="admin__panel">
      <Field label={t('admin.people.search')}>
        {(c) => (
          <TextInput
            {...c}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
            }}
          />
        )}
      </Field>
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      <table className="admin__table">
        <caption className="visually-hidden">{t('admin.people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.people.name')}</th>
            <th scope="col">{t('admin.people.email')}</th>
            <th scope="col">{t('admin.people.id')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name ?? '—'}
                {p.champion === true && (
                  <span className="champion-badge">{t('members.champion')}</span>
                )}
              </td>
              <td>{p.email ?? '—'}</td>
              <td>{p.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
