import { useEffect, useState, type SyntheticEvent } from 'react';
import {
  AUDIT_KINDS,
  type AuditEntry,
  type AuditExportFormat,
  type AuditQuery,
  type AuditVerification,
} from '../../../shared/admin-api.ts';
import type { AdminApi } from '../../api/index.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { Button, Field, Select, TextInput } from '../../ui/index.ts';
import { saveBlob } from './download.ts';

const PAGE = 50;

interface Filters {
  readonly person: string;
  readonly space: string;
  readonly kind: string;
  /** `YYYY-MM-DD` from the date inputs, local time. */
  readonly from: string;
  readonly to: string;
}

const NO_FILTERS: Filters = { person: '', space: '', kind: '', from: '', to: '' };

/** The filters as the relay's query: days become local midnights, `to` inclusive of its day. */
function queryOf(filters: Filters): AuditQuery {
  const day = (text: string, plusDays: number): number | undefined => {
    if (text === '') return undefined;
    const [y, m, d] = text.split('-').map(Number);
    return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays).getTime();
  };
  const kind = AUDIT_KINDS.find((k) => k === filters.kind);
  const from = day(filters.from, 0);
  const to = day(filters.to, 1);
  return {
    ...(filters.person.trim() === '' ? {} : { person: filters.person.trim() }),
    ...(filters.space.trim() === '' ? {} : { space: filters.space.trim() }),
    ...(kind === undefined ? {} : { kind }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

function detailText(entry: AuditEntry): string {
  return Object.entries(entry.detail)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

/** The audit log: filters, a table of entries newest first, paging, export and verification. */
export function AuditTab({ api }: { readonly api: AdminApi }) {
  const t = useT();
  const format = useFormat();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const fail = (err: unknown) => {
    setError(err instanceof Error ? err.message : String(err));
    setBusy(false);
  };

  useEffect(() => {
    let live = true;
    api.audit({ ...queryOf(applied), limit: PAGE }).then(
      (page) => {
        if (!live) return;
        setEntries(page.entries);
        setNext(page.next);
        setError(null);
        setBusy(false);
      },
      (err: unknown) => {
        if (live) fail(err);
      },
    );
    return () => {
      live = false;
    };
  }, [api, applied]);

  const more = (before: number) => {
    setBusy(true);
    api.audit({ ...queryOf(applied), limit: PAGE, before }).then((page) => {
      setEntries((old) => [...old, ...page.entries]);
      setNext(page.next);
      setBusy(false);
    }, fail);
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    setApplied(draft);
  };
  const exportAs = async (kind: AuditExportFormat) => {
    try {
      const blob = await api.exportAudit(kind, queryOf(applied));
      saveBlob(blob, `audit-${new Date().toISOString().slice(0, 10)}.${kind}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const set = (key: keyof Filters) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  return (
    <div className="admin__panel">
      <form className="admin__filters" onSubmit={onSubmit} aria-label={t('admin.audit.filters')}>
        <Field label={t('admin.audit.person')}>
          {(c) => (
            <TextInput
              {...c}
              value={draft.person}
              onChange={(e) => {
                set('person')(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('admin.audit.space')}>
          {(c) => (
            <TextInput
              {...c}
              value={draft.space}
              onChange={(e) => {
                set('space')(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('admin.audit.kind')}>
          {(c) => (
            <Select
              {...c}
              value={draft.kind}
              onChange={(e) => {
                set('kind')(e.target.value);
              }}
            >
              <option value="">{t('admin.audit.anyKind')}</option>
              {AUDIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('admin.audit.from')}>
          {(c) => (
            <TextInput
              {...c}
              type="date"
              value={draft.from}
              onChange={(e) => {
                set('from')(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('admin.audit.to')}>
          {(c) => (
            <TextInput
              {...c}
              type="date"
              value={draft.to}
              onChange={(e) => {
                set('to')(e.target.value);
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="primary">
          {t('admin.audit.apply')}
        </Button>
      </form>
      <div className="admin__actions">
        <Button onClick={() => void exportAs('jsonl')}>{t('admin.audit.exportJsonl')}</Button>
        <Button onClick={() => void exportAs('csv')}>{t('admin.audit.exportCsv')}</Button>
        <Button
          onClick={() => {
            void api.verify().then(setVerification, (err: unknown) => {
              setError(err instanceof Error ? err.message : String(err));
            });
          }}
        >
          {t('admin.audit.verify')}
        </Button>
        {verification !== null && (
          <p role="status" className="admin__verification">
            {verification.ok
              ? t('admin.audit.intact', { count: verification.entries })
              : t('admin.audit.broken', { seq: verification.seq, reason: verification.reason })}
          </p>
        )}
      </div>
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      <table className="admin__table">
        <caption className="visually-hidden">{t('admin.audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.when')}</th>
            <th scope="col">{t('admin.audit.kind')}</th>
            <th scope="col">{t('admin.audit.person')}</th>
            <th scope="col">{t('admin.audit.space')}</th>
            <th scope="col">{t('admin.audit.target')}</th>
            <th scope="col">{t('admin.audit.origin')}</th>
            <th scope="col">{t('admin.audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>
                <time dateTime={new Date(e.at).toISOString()}>{format.date(e.at)}</time>
              </td>
              <td>{e.kind}</td>
              <td>{e.actor ?? '—'}</td>
              <td>{e.space ?? '—'}</td>
              <td>{e.target ?? '—'}</td>
              <td title={e.userAgent ?? ''}>{e.ip ?? '—'}</td>
              <td>{detailText(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !busy && <p>{t('admin.audit.empty')}</p>}
      {next !== null && (
        <Button
          disabled={busy}
          onClick={() => {
            more(next);
          }}
        >
          {t('admin.audit.more')}
        </Button>
      )}
    </div>
  );
}
