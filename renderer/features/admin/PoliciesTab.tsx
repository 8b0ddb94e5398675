import { useEffect, useState, type SyntheticEvent } from 'react';
import type { AdminPolicy } from '../../../shared/acceptable-use.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { useAppStore, usePolicyApi } from '../../services/index.ts';
import { Button, Field, TextArea } from '../../ui/index.ts';

/**
 * The acceptable-use policy: the current text and version, a new version
 * edited and published (everyone accepts it again before editing), who
 * accepted the current version, and every earlier version.
 */
export function PoliciesTab() {
  const api = usePolicyApi();
  const t = useT();
  const format = useFormat();
  const patchPolicy = useAppStore((s) => s.patchPolicy);
  const [view, setView] = useState<AdminPolicy | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (api === null) return undefined;
    let live = true;
    api.adminView().then(
      (next) => {
        if (!live) return;
        setView(next);
        setDraft(next.versions[0]?.text ?? '');
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (api === null) return null;
  const current = view?.versions[0] ?? null;
  const nextVersion = (current?.version ?? 0) + 1;

  const publish = (event: SyntheticEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    setBusy(true);
    setError(null);
    api.publish(draft).then(
      async (published) => {
        setBusy(false);
        setDone(t('admin.policies.published', { version: published.version }));
        setView(await api.adminView());
        // The admin has not accepted it either.
        patchPolicy({ mustAccept: true });
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <div className="admin__panel">
      <p>
        {current === null
          ? t('admin.policies.none')
          : t('admin.policies.current', {
              version: current.version,
              date: format.date(current.publishedAt, 'dateTime'),
              by: current.publishedBy,
            })}
      </p>
      {current !== null && view !== null && (
        <p>
          {t('admin.policies.accepted', { count: view.acceptedCount, version: current.version })}
        </p>
      )}
      <form onSubmit={publish} className="admin__policy-form">
        <Field label={t('admin.policies.text')} hint={t('admin.policies.hint')}>
          {(c) => (
            <TextArea
              {...c}
              rows={10}
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                setDone(null);
              }}
            />
          )}
        </Field>
        <div className="admin__actions">
          <Button type="submit" variant="primary" disabled={busy || draft.trim() === ''}>
            {t('admin.policies.publish', { version: nextVersion })}
          </Button>
        </div>
      </form>
      {done !== null && <p role="status">{done}</p>}
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      {view !== null && view.acceptances.length > 0 && (
        <table className="admin__table">
          <caption>{t('admin.policies.acceptancesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.people.name')}</th>
              <th scope="col">{t('admin.people.email')}</th>
              <th scope="col">{t('admin.policies.acceptedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {view.acceptances.map((a) => (
              <tr key={a.userId}>
                <td>{a.name ?? a.userId}</td>
                <td>{a.email ?? '—'}</td>
                <td>{format.date(a.at, 'dateTime')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view !== null && view.versions.length > 0 && (
        <table className="admin__table">
          <caption>{t('admin.policies.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.policies.version')}</th>
              <th scope="col">{t('admin.policies.publishedAt')}</th>
              <th scope="col">{t('admin.policies.publishedBy')}</th>
              <th scope="col">{t('admin.policies.text')}</th>
            </tr>
          </thead>
          <tbody>
            {view.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{format.date(v.publishedAt, 'dateTime')}</td>
                <td>{v.publishedBy}</td>
                <td>
                  <details>
                    <summary>{t('admin.policies.showText')}</summary>
                    <div className="policy__text">{v.text}</div>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
