import { CLASSIFICATION_ERRORS } from '../../../shared/classification-api.ts';
import { ApiRequestError } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { labelOfSpace } from './decisions.ts';
import type { ClassificationService } from './service.ts';

/** The explanation of an export the relay refused because of the space's label, or null. */
export function exportRefusal(error: unknown): string | null {
  if (error instanceof ApiRequestError && error.code === CLASSIFICATION_ERRORS.export) {
    return t('classification.exportRefused');
  }
  return null;
}

/**
 * Asks the relay for an export grant (it checks the label and audits the
 * export). When the relay cannot be reached at all, an export of what this
 * device holds goes ahead only if the last known label allows export: a
 * space that forbids it is refused offline too.
 */
export async function requestExport(service: ClassificationService, spaceId: string) {
  try {
    await service.grantExport(spaceId);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status !== 0) throw error;
    const label = labelOfSpace(service.state.getState().data, spaceId);
    if (label !== null && !label.exportAllowed) {
      throw new ApiRequestError(
        403,
        CLASSIFICATION_ERRORS.export,
        t('classification.exportRefused'),
      );
    }
  }
}
