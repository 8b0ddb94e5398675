import {
  DEFAULT_CLASSIFICATION_LABELS,
  type ClassificationLabel,
} from '../../../shared/classification-api.ts';
import { t } from '../../i18n/index.ts';

/**
 * A label's name in the UI language: the built-in labels, while the company
 * kept their English names, are translated; a company's own names are shown
 * as the company wrote them (like a space's name).
 */
export function labelName(label: ClassificationLabel): string {
  const builtIn = DEFAULT_CLASSIFICATION_LABELS.find((l) => l.id === label.id);
  if (builtIn?.name !== label.name) return label.name;
  switch (label.id) {
    case 'public':
      return t('classification.builtin.public');
    case 'internal':
      return t('classification.builtin.internal');
    case 'confidential':
      return t('classification.builtin.confidential');
    default:
      return t('classification.builtin.restricted');
  }
}

/** What the label forbids, in words (empty when it allows everything). */
export function restrictions(label: ClassificationLabel): string[] {
  const out: string[] = [];
  if (!label.exportAllowed) out.push(t('classification.noExport'));
  if (!label.copyOutAllowed) out.push(t('classification.noCopy'));
  if (!label.externalSharingAllowed) out.push(t('classification.noExternal'));
  if (!label.offlineAllowed) out.push(t('classification.onlineOnly'));
  return out;
}
