import type {
  ClassificationLabel,
  ClassificationResponse,
  ExportGrant,
} from '../../shared/classification-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** The classification routes; see shared/classification-api.ts. */
export interface ClassificationApi {
  /** The company labels, the default, and the label of each of the caller's spaces. */
  get(): Promise<ClassificationResponse>;
  /** Replaces the company list (admins). */
  setLabels(labels: readonly ClassificationLabel[]): Promise<ClassificationResponse>;
  /** Labels a space (owners and admins). */
  setSpaceLabel(spaceId: string, label: string): Promise<void>;
  /** Asks the relay to allow (and audit) one export; rejects with 403 when the label forbids it. */
  grantExport(spaceId: string): Promise<ExportGrant>;
}

export function createClassificationApi(options: ApiCallOptions): ClassificationApi {
  const call = createApiCall(options);
  return {
    get: () => call(API.getClassification),
    setLabels: (labels) => call(API.setClassificationLabels, { body: { labels: [...labels] } }),
    setSpaceLabel: async (spaceId, label) => {
      await call(API.setSpaceLabel, { params: { id: spaceId }, body: { label } });
    },
    grantExport: (spaceId) => call(API.grantSpaceExport, { params: { id: spaceId } }),
  };
}
