import { useEffect, useState } from 'react';
import {
  LABEL_COLOURS,
  type ClassificationLabel,
  type LabelColour,
} from '../../../shared/classification-api.ts';
import { useT } from '../../i18n/index.ts';
import { Button, TextInput } from '../../ui/index.ts';
import { labelName } from './label-text.ts';
import { useClassificationService, useCompanyLabels } from './use-classification.ts';
import './classification.css';

type Rule = 'exportAllowed' | 'copyOutAllowed' | 'externalSharingAllowed' | 'offlineAllowed';
const RULES: readonly Rule[] = [
  'exportAllowed',
  'copyOutAllowed',
  'externalSharingAllowed',
  'offlineAllowed',
];

/** A new label's id from its name: lower case, letters and digits joined by "-". */
export function idFromName(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24) || 'label';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${String(n)}`;
  return id;
}

/**
 * Company admins' classification tab: the list of labels, each with its
 * colour and what it allows. Saved whole; the relay refuses to drop a label
 * still set on a space, or the default one, and says so.
 */
export function ClassificationTab() {
  const t = useT();
  const service = useClassificationService();
  const labels = useCompanyLabels();
  // The admin's edits; null shows the list as stored.
  const [edited, setEdited] = useState<ClassificationLabel[] | null>(null);
  const draft = edited ?? labels;
  const setDraft = (change: (d: readonly ClassificationLabel[]) => ClassificationLabel[]) => {
    setEdited((d) => change(d ?? labels));
  };
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void service?.refresh();
  }, [service]);
  if (service === null) return null;

  const patch = (index: number, change: Partial<ClassificationLabel>) => {
    setDraft((d) => d.map((label, i) => (i === index ? { ...label, ...change } : label)));
  };
  const save = () => {
    setStatus(null);
    setError(null);
    service.setLabels(draft).then(
      () => {
        setEdited(null);
        setStatus(t('classification.admin.saved'));
      },
      (err: unknown) => {
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };
  const ruleNames: Record<Rule, string> = {
    exportAllowed: t('classification.admin.export'),
    copyOutAllowed: t('classification.admin.copyOut'),
    externalSharingAllowed: t('classification.admin.external'),
    offlineAllowed: t('classification.admin.offline'),
  };

  return (
    <div className="admin__panel classification-admin">
      <p className="sidebar__hint">{t('classification.admin.intro')}</p>
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      {status !== null && <p role="status">{status}</p>}
      <table className="admin__table">
        <caption className="visually-hidden">{t('classification.admin.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('classification.admin.name')}</th>
            <th scope="col">{t('classification.admin.colour')}</th>
            {RULES.map((rule) => (
              <th key={rule} scope="col">
                {ruleNames[rule]}
              </th>
            ))}
            <th scope="col">{t('classification.admin.remove')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.map((label, index) => {
            const name = label.name === '' ? label.id : labelName(label);
            return (
              <tr key={label.id}>
                <td>
                  <TextInput
                    aria-label={t('classification.admin.nameOf', { id: label.id })}
                    value={label.name}
                    maxLength={40}
                    onChange={(e) => {
                      patch(index, { name: e.target.value });
                    }}
                  />
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={t('classification.admin.colourOf', { name })}
                    value={label.colour}
                    onChange={(e) => {
                      patch(index, { colour: e.target.value as LabelColour });
                    }}
                  >
                    {LABEL_COLOURS.map((colour) => (
                      <option key={colour} value={colour}>
                        {t(`classification.colours.${colour}`)}
                      </option>
                    ))}
                  </select>
                </td>
                {RULES.map((rule) => (
                  <td key={rule}>
                    <input
                      type="checkbox"
                      aria-label={`${ruleNames[rule]}: ${name}`}
                      checked={label[rule]}
                      onChange={(e) => {
                        patch(index, { [rule]: e.target.checked });
                      }}
                    />
                  </td>
                ))}
                <td>
                  <Button
                    size="sm"
                    aria-label={t('classification.admin.removeNamed', { name })}
                    onClick={() => {
                      setDraft((d) => d.filter((_, i) => i !== index));
                    }}
                  >
                    {t('classification.admin.remove')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dialog__buttons">
        <Button
          onClick={() => {
            const name = t('classification.admin.newName');
            const id = idFromName(
              name,
              draft.map((l) => l.id),
            );
            setDraft((d) => [
              ...d,
              {
                id,
                name,
                colour: 'grey',
                exportAllowed: true,
                copyOutAllowed: true,
                externalSharingAllowed: true,
                offlineAllowed: true,
              },
            ]);
          }}
        >
          {t('classification.admin.add')}
        </Button>
        <Button variant="primary" onClick={save}>
          {t('classification.admin.save')}
        </Button>
      </div>
    </div>
  );
}
