import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../../shared/api.ts';
import type { AdminApi } from '../../api/index.ts';
import type { AdoptionApi } from '../../api/adoption-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button, Field, TextInput } from '../../ui/index.ts';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const nameOf = (p: Person): string => p.name ?? p.email ?? p.id;

/**
 * Champions: the people marked now, each with a way to unmark them, and a
 * directory search to mark someone. The relay has no "list champions" route,
 * so the list is the admin people list (the first 1,000 people who have signed
 * in) filtered by the mark; the relay alone decides who may set it.
 */
export function ChampionsSection({
  people,
  adoption,
}: {
  readonly people: Pick<AdminApi, 'people'>;
  readonly adoption: AdoptionApi;
}) {
  const t = useT();
  const [champions, setChampions] = useState<Person[] | null>(null);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reload = useCallback(() => {
    people.people('').then(
      (all) => {
        setChampions(all.filter((p) => p.champion === true));
      },
      (err: unknown) => {
        setError(message(err));
      },
    );
  }, [people]);
  useEffect(reload, [reload]);

  useEffect(() => {
    if (q.trim() === '') return undefined;
    let live = true;
    people.people(q.trim()).then(
      (answer) => {
        if (live) setFound(answer);
      },
      (err: unknown) => {
        if (live) setError(message(err));
      },
    );
    return () => {
      live = false;
    };
  }, [people, q]);

  const setMark = (person: Person, champion: boolean) => {
    setError(null);
    adoption.setChampion(person.id, champion).then(
      (stored) => {
        setDone(t(champion ? 'adoption.marked' : 'adoption.unmarked', { name: nameOf(person) }));
        setFound((list) => list.map((p) => (p.id === stored.id ? stored : p)));
        reload();
      },
      (err: unknown) => {
        setError(message(err));
      },
    );
  };

  // An emptied search shows nothing, whatever the last answer was.
  const shown = q.trim() === '' ? [] : found;

  return (
    <section aria-labelledby="adoption-champions" className="adoption__section">
      <h3 id="adoption-champions">{t('adoption.champions')}</h3>
      <p>{t('adoption.championsIntro')}</p>
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {champions !== null && champions.length === 0 && <p>{t('adoption.noChampions')}</p>}
      {champions !== null && champions.length > 0 && (
        <table className="admin__table">
          <caption className="visually-hidden">{t('adoption.championsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adoption.name')}</th>
              <th scope="col">{t('adoption.email')}</th>
              <th scope="col">{t('adoption.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {champions.map((p) => (
              <tr key={p.id}>
                <td>{nameOf(p)}</td>
                <td>{p.email ?? '—'}</td>
                <td>
                  <Button
                    size="sm"
                    aria-label={t('adoption.unmark', { name: nameOf(p) })}
                    onClick={() => {
                      setMark(p, false);
                    }}
                  >
                    {t('adoption.unmarkShort')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Field label={t('adoption.find')} hint={t('adoption.findHint')}>
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
      {q.trim() !== '' && shown.length === 0 && <p>{t('adoption.noResults')}</p>}
      {shown.length > 0 && (
        <ul aria-label={t('adoption.results')} className="adoption__results">
          {shown.map((p) => (
            <li key={p.id}>
              <span>
                {nameOf(p)}
                {p.email !== undefined && p.email !== nameOf(p) && (
                  <span className="adoption__email"> {p.email}</span>
                )}
              </span>
              {p.champion === true ? (
                <span className="champion-badge">{t('adoption.isChampion')}</span>
              ) : (
                <Button
                  size="sm"
                  aria-label={t('adoption.mark', { name: nameOf(p) })}
                  onClick={() => {
                    setMark(p, true);
                  }}
                >
                  {t('adoption.markShort')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
