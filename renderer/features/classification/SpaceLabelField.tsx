import { useId, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { ClassificationBanner } from './ClassificationBanner.tsx';
import { labelName } from './label-text.ts';
import { useClassificationService, useCompanyLabels, useSpaceLabel } from './use-classification.ts';
import './classification.css';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A space's classification in its settings: owners choose the label among
 * the company's (applied at once; the relay checks the role too), everyone
 * sees it and what it forbids.
 */
export function SpaceLabelField({
  spaceId,
  isOwner,
}: {
  readonly spaceId: string;
  readonly isOwner: boolean;
}) {
  const t = useT();
  const id = useId();
  const service = useClassificationService();
  const labels = useCompanyLabels();
  const current = useSpaceLabel(spaceId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (service === null || current === null) return null;

  const choose = async (label: string) => {
    setBusy(true);
    setError(null);
    try {
      await service.setSpaceLabel(spaceId, label);
    } catch (err) {
      setError(t('classification.couldNotSet', { reason: message(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="classification-field" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="dialog__subtitle">
        {t('classification.title')}
      </h3>
      {isOwner && (
        <label>
          {t('classification.label')}
          <select
            className="input"
            value={current.id}
            disabled={busy}
            onChange={(event) => void choose(event.target.value)}
          >
            {labels.map((label) => (
              <option key={label.id} value={label.id}>
                {labelName(label)}
              </option>
            ))}
          </select>
        </label>
      )}
      <ClassificationBanner spaceId={spaceId} />
      {!current.offlineAllowed && (
        <p className="sidebar__hint">{t('classification.onlineOnlyHint')}</p>
      )}
      {error !== null && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
