import { useT } from '../../i18n/index.ts';
import { labelName, restrictions } from './label-text.ts';
import { useSpaceLabel } from './use-classification.ts';
import './classification.css';

/** The space's label as a coloured banner above its notes, with what it forbids. */
export function ClassificationBanner({ spaceId }: { readonly spaceId: string }) {
  // Re-renders on a language switch: the texts below come from the global translate function.
  useT();
  const label = useSpaceLabel(spaceId);
  if (label === null) return null;
  const limits = restrictions(label);
  return (
    <p
      className={`classification-banner classification--${label.colour}`}
      role="note"
      data-label={label.id}
    >
      <strong>{labelName(label)}</strong>
      {limits.length > 0 && <span> · {limits.join(' · ')}</span>}
    </p>
  );
}

/** The space's label as a small badge (sidebar, space header). */
export function ClassificationBadge({ spaceId }: { readonly spaceId: string }) {
  const t = useT();
  const label = useSpaceLabel(spaceId);
  if (label === null) return null;
  const name = labelName(label);
  return (
    <span
      className={`classification-badge classification--${label.colour}`}
      title={t('classification.badgeTitle', { name })}
      data-label={label.id}
    >
      {name}
    </span>
  );
}
