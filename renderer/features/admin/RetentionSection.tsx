import { useState, type ReactNode, type SyntheticEvent } from 'react';
import type { AdminSpace } from '../../../shared/admin-api.ts';
import type { RetentionPolicy, RetentionSettings } from '../../../shared/legal-api.ts';
import type { LegalApi } from '../../api/legal-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button, Field, Select, TextInput } from '../../ui/index.ts';

/** A days field's text as days; empty (or not a whole number ≥ 1) is null. */
function daysOf(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() === '' || !Number.isInteger(n) || n < 1 ? null : n;
}

const text = (days: number | null): string => (days === null ? '' : String(days));

/** Two day fields and a save button. */
function PolicyForm({
  legend,
  hint,
  initial,
  onSave,
  children,
}: {
  readonly legend: string;
  readonly hint: string;
  readonly initial: RetentionPolicy;
  readonly onSave: (policy: RetentionPolicy) => void;
  readonly children?: ReactNode;
}) {
  const t = useT();
  const [trash, setTrash] = useState(text(initial.trashDays));
  const [history, setHistory] = useState(text(initial.historyDays));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSave({ trashDays: daysOf(trash), historyDays: daysOf(history) });
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="admin__fieldset">
        <legend>{legend}</legend>
        <div className="admin__actions">
          {children}
          <Field label={t('admin.legal.trashDays')} hint={hint}>
            {(c) => (
              <TextInput
                {...c}
                inputMode="numeric"
                value={trash}
                onChange={(e) => {
                  setTrash(e.target.value);
                }}
              />
            )}
          </Field>
          <Field label={t('admin.legal.historyDays')}>
            {(c) => (
              <TextInput
                {...c}
                inputMode="numeric"
                value={history}
                onChange={(e) => {
                  setHistory(e.target.value);
                }}
              />
            )}
          </Field>
          <Button type="submit" size="sm">
            {t('admin.legal.save')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

/** The company's retention and per-space overrides. */
export function RetentionSection({
  api,
  settings,
  spaces,
  onChange,
  onError,
}: {
  readonly api: LegalApi;
  readonly settings: RetentionSettings;
  readonly spaces: readonly AdminSpace[];
  readonly onChange: (settings: RetentionSettings, message: string) => void;
  readonly onError: (err: unknown) => void;
}) {
  const t = useT();
  const [spaceId, setSpaceId] = useState('');
  const nameOf = (id: string) => spaces.find((s) => s.id === id)?.name ?? id;
  const shown = (days: number | null, fallback: string) =>
    days === null ? fallback : String(days);
  const saved = (next: RetentionSettings) => {
    onChange(next, t('admin.legal.saved'));
  };
  return (
    <section aria-labelledby="legal-retention">
      <h3 id="legal-retention">{t('admin.legal.retention')}</h3>
      <PolicyForm
        key={`company-${text(settings.company.trashDays)}-${text(settings.company.historyDays)}`}
        legend={t('admin.legal.company')}
        hint={t('admin.legal.retentionHint')}
        initial={settings.company}
        onSave={(policy) => {
          api.setCompanyRetention(policy).then(saved, onError);
        }}
      />
      <PolicyForm
        key={`space-${spaceId}`}
        legend={t('admin.legal.spaceOverride')}
        hint={t('admin.legal.inherit')}
        initial={
          settings.spaces.find((s) => s.spaceId === spaceId) ?? {
            trashDays: null,
            historyDays: null,
          }
        }
        onSave={(policy) => {
          if (spaceId !== '') api.setSpaceRetention(spaceId, policy).then(saved, onError);
        }}
      >
        <Field label={t('admin.legal.space')}>
          {(c) => (
            <Select
              {...c}
              value={spaceId}
              onChange={(e) => {
                setSpaceId(e.target.value);
              }}
            >
              <option value="">{t('admin.legal.chooseSpace')}</option>
              {spaces
                .filter((s) => s.deletedAt === null)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </Select>
          )}
        </Field>
      </PolicyForm>
      {settings.spaces.length > 0 && (
        <table className="admin__table">
          <caption>{t('admin.legal.overridesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.legal.space')}</th>
              <th scope="col">{t('admin.legal.trashDays')}</th>
              <th scope="col">{t('admin.legal.historyDays')}</th>
              <th scope="col">{t('admin.legal.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {settings.spaces.map((s) => (
              <tr key={s.spaceId}>
                <td>{nameOf(s.spaceId)}</td>
                <td>{shown(s.trashDays, t('admin.legal.companyValue'))}</td>
                <td>{shown(s.historyDays, t('admin.legal.companyValue'))}</td>
                <td>
                  <Button
                    size="sm"
                    onClick={() => {
                      api
                        .setSpaceRetention(s.spaceId, { trashDays: null, historyDays: null })
                        .then(saved, onError);
                    }}
                  >
                    {t('admin.legal.removeOverride')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
