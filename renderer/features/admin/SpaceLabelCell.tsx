import { useState } from 'react';
import type { AdminSpace } from '../../../shared/admin-api.ts';
import { useT } from '../../i18n/index.ts';
import { labelName, useClassificationService, useCompanyLabels } from '../classification/index.ts';

/**
 * A space's classification label in the admin's list of spaces, changed on
 * the spot (the relay lets admins classify any space, and audits it).
 */
export function SpaceLabelCell({
  space,
  onDone,
  onError,
}: {
  readonly space: AdminSpace;
  readonly onDone: (message: string) => void;
  readonly onError: (message: string) => void;
}) {
  const t = useT();
  const service = useClassificationService();
  const labels = useCompanyLabels();
  const [busy, setBusy] = useState(false);
  if (service === null || space.label === undefined || labels.length === 0) {
    return <>{space.label ?? ''}</>;
  }
  const choose = (id: string) => {
    const chosen = labels.find((l) => l.id === id);
    if (chosen === undefined) return;
    setBusy(true);
    service.setSpaceLabel(space.id, id).then(
      () => {
        setBusy(false);
        onDone(
          t('classification.admin.spaceLabelSet', { name: space.name, label: labelName(chosen) }),
        );
      },
      (err: unknown) => {
        setBusy(false);
        onError(
          t('classification.couldNotSet', {
            reason: String(err instanceof Error ? err.message : err),
          }),
        );
      },
    );
  };
  return (
    <select
      className="input"
      aria-label={t('classification.admin.spaceLabelOf', { name: space.name })}
      value={space.label}
      disabled={busy}
      onChange={(event) => {
        choose(event.target.value);
      }}
    >
      {labels.map((label) => (
        <option key={label.id} value={label.id}>
          {labelName(label)}
        </option>
      ))}
    </select>
  );
}
